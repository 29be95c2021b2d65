package jp.kessai.core.order;

import java.time.Duration;
import java.util.Optional;

/**
 * How one payment method settles a journaled call whose outcome is unknown, from its processor's books. The
 * {@link AttemptReconciler} finds and locks such calls; the settlement asks the processor and records the result.
 */
public interface AttemptSettlement {

    PaymentMethod method();

    /** The deadline of this method's processor calls: the grace period is never shorter than this plus 30 seconds. */
    Duration callDeadline();

    /**
     * Settles the attempt (through {@link Orders#settle}) if the processor's books say what happened, or as failed
     * when they show no trace and {@code pastGrace} (a late request can no longer arrive). Returns the state it was
     * settled with, or empty to leave it for a later pass.
     */
    Optional<AttemptState> settle(Attempt attempt, boolean pastGrace);
}
