package jp.kessai.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The sandbox clock of one Kessai: every deadline, expiry and grace period reads it. It starts at the real time and
 * only moves forward (there is no way back within one Kessai: a test that needs a fresh clock uses its own
 * Kessai, for example an extension in an instance field).
 */
public final class SandboxClock {

    private final SandboxHttp sandbox;

    SandboxClock(SandboxHttp sandbox) {
        this.sandbox = sandbox;
    }

    /** Kessai's current time. */
    public Instant now() {
        return Instant.parse(sandbox.get("/sandbox/clock").get("now").asString());
    }

    /** How far Kessai's clock is ahead of the real time. */
    public Duration offset() {
        return Duration.ofSeconds(sandbox.get("/sandbox/clock").get("offsetSeconds").asLong());
    }

    /**
     * Moves Kessai's clock forward (whole seconds, rounded up), and answers its new time. Nothing runs by itself at
     * the new time: payments read the clock when they come, and the background jobs run at their own intervals or
     * through {@link SandboxJobs}.
     */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Kessai's sandbox clock only moves forward: " + duration);
        }
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Instant.parse(sandbox.post("/sandbox/clock/advance", Map.of("advanceSeconds", seconds))
                .get("now").asString());
    }
}
