package jp.kessai.face.openapi;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.kessai.platform.KessaiProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency-Key records (seed 003 冪等処理), per shop, in the database so that every node sees them: the primary
 * key (shop, key) lets exactly one request claim a key. Within the window (24 h from the first request) a key whose
 * first request succeeded replays that response; one whose first request failed is processed again; one still in
 * flight gets 409. A key reused for another endpoint or another body is refused (400 invalid_header). A key whose
 * processor outcome was unknown is resumed: the endpoint looks at the transaction instead of processing blindly.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration window;
    private final Duration lease;

    IdempotencyKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock, KessaiProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.window = properties.openapi().idempotencyWindow();
        this.lease = properties.openapi().requestLease();
    }

    sealed interface Claim {}

    /** This request owns the key: process it. */
    record Proceed() implements Claim {}

    /** The first request succeeded: send its answer again. */
    record Replay(int status, String body) implements Claim {}

    /** The first request is still being processed. */
    record InFlight() implements Claim {}

    /** The key was used with another endpoint or another body. */
    record Mismatch() implements Claim {}

    /**
     * The first request's processor outcome was unknown ({@code accessId} given), or the node running it died
     * ({@code accessId} null): this request owns the key and resumes — it answers from the transaction if the first
     * request did its work, and processes the request only if it did not.
     */
    record Resume(String accessId) implements Claim {}

    /** Whether the shop has a record of this key (a read: a fresh key is written by the pipeline's claim). */
    boolean exists(long shopPk, String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM openapi_idempotency WHERE shop_pk = ? AND idem_key = ?)")
                .params(shopPk, key).query(Boolean.class).single();
    }

    /** A request with a key nobody has used: its record is written with the core's claim. */
    IdempotentRequest fresh(long shopPk, String key, String endpoint, byte[] requestHash) {
        return new IdempotentRequest(this, shopPk, key, endpoint, requestHash, false);
    }

    /** A request that owns an existing record (claimed by {@link #claim}). */
    IdempotentRequest owned(long shopPk, String key, String endpoint, byte[] requestHash) {
        return new IdempotentRequest(this, shopPk, key, endpoint, requestHash, true);
    }

    /** Inserts a fresh key IN_FLIGHT (joins the caller's transaction); false if another request has it. */
    boolean insertInFlight(long shopPk, String key, String endpoint, byte[] requestHash) {
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?, ?) ON CONFLICT DO NOTHING""")
                .params(shopPk, key, endpoint, requestHash, Timestamp.from(now), Timestamp.from(now.plus(lease)))
                .update() == 1;
    }

    Claim claim(long shopPk, String key, String endpoint, byte[] requestHash) {
        try {
            Claim claim = tx.execute(status -> claimInTransaction(shopPk, key, endpoint, requestHash));
            return claim;
        } catch (DuplicateKeyException raced) {
            return claim(shopPk, key, endpoint, requestHash);
        }
    }

    private Claim claimInTransaction(long shopPk, String key, String endpoint, byte[] requestHash) {
        Instant now = clock.instant();
        if (insertInFlight(shopPk, key, endpoint, requestHash)) {
            return new Proceed();
        }
        var row = jdbc.sql("""
                SELECT endpoint, request_hash, state, http_status, response_body, access_id, created_at, lease_until
                  FROM openapi_idempotency WHERE shop_pk = ? AND idem_key = ? FOR UPDATE""")
                .params(shopPk, key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .optional().orElse(null);
        if (row == null) { // deleted between the two statements: try again
            return claimInTransaction(shopPk, key, endpoint, requestHash);
        }
        if (row.createdAt().isBefore(now.minus(window))) {
            restart(shopPk, key, endpoint, requestHash, now, true);
            return new Proceed(); // an expired key is a new request
        }
        if (!row.endpoint().equals(endpoint) || row.requestHash() != null && !MessageDigest.isEqual(row.requestHash(), requestHash)) {
            return new Mismatch();
        }
        return switch (row.state()) {
            case "DONE" -> new Replay(row.httpStatus(), row.body());
            case "UNKNOWN" -> {
                restart(shopPk, key, endpoint, requestHash, now, false);
                yield new Resume(row.accessId());
            }
            default -> {
                if (row.leaseUntil().isBefore(now)) { // the node that owned it died mid-request: it may have done it
                    restart(shopPk, key, endpoint, requestHash, now, false);
                    yield new Resume(null);
                }
                yield new InFlight();
            }
        };
    }

    private void restart(long shopPk, String key, String endpoint, byte[] hash, Instant now, boolean resetCreated) {
        jdbc.sql("""
                UPDATE openapi_idempotency SET endpoint = ?, request_hash = ?, state = 'IN_FLIGHT', http_status = NULL,
                       response_body = NULL, lease_until = ?, created_at = CASE WHEN ? THEN ? ELSE created_at END
                 WHERE shop_pk = ? AND idem_key = ?""")
                .params(endpoint, hash, Timestamp.from(now.plus(lease)), resetCreated, Timestamp.from(now), shopPk, key)
                .update();
    }

    /** Records the answer of the request that owned the key. */
    void complete(long shopPk, String key, Reply reply) {
        if (reply.status() >= 200 && reply.status() < 300) {
            jdbc.sql("""
                    UPDATE openapi_idempotency SET state = 'DONE', http_status = ?, response_body = ?, access_id = NULL
                     WHERE shop_pk = ? AND idem_key = ?""")
                    .params(reply.status(), reply.body(), shopPk, key).update();
        } else if (reply.unknownOutcomeAccessId() != null) {
            jdbc.sql("UPDATE openapi_idempotency SET state = 'UNKNOWN', access_id = ? WHERE shop_pk = ? AND idem_key = ?")
                    .params(reply.unknownOutcomeAccessId(), shopPk, key).update();
        } else if (reply.status() == 503) {
            // the database went away during the request: its claim may have committed (and its charge gone through),
            // so the retry must resume (look at the order first), not start afresh and meet its own order as "already
            // used" (DatabaseFailoverIT, primary killed mid-load)
            release(shopPk, key);
        } else {
            forget(shopPk, key);
        }
    }

    /**
     * A request that failed unexpectedly after it may have claimed its order (the database went away, say) releases
     * its key for the next retry without deleting it: the retry resumes — it looks at the transaction and answers from
     * it if the first request's processor call went through — instead of processing again. Deleting the key here let a
     * retry run the operation a second time once the reconciler had settled the first (found by the reliability
     * battery's failover test: /order/update executed twice).
     */
    void release(long shopPk, String key) {
        jdbc.sql("UPDATE openapi_idempotency SET lease_until = ? WHERE shop_pk = ? AND idem_key = ? AND state = 'IN_FLIGHT'")
                .params(Timestamp.from(clock.instant().minusMillis(1)), shopPk, key).update();
    }

    /** A first attempt that failed with nothing done leaves nothing behind: the retry is processed again. */
    void forget(long shopPk, String key) {
        jdbc.sql("DELETE FROM openapi_idempotency WHERE shop_pk = ? AND idem_key = ?").params(shopPk, key).update();
    }

    private record Row(String endpoint, byte[] requestHash, String state, int httpStatus, String body, String accessId,
            Instant createdAt, Instant leaseUntil) {}
}
