package jp.kessai.core.vault;

import java.time.Instant;

/** A key rotation run as operators see it. */
public record KeyRotation(long id, String mode, int targetKeyId, String state, long rowsResealed, long rowsRemaining,
        Instant startedAt, Instant finishedAt) {}
