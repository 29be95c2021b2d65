package jp.kessai.core.order;

import java.time.Duration;
import java.util.Optional;

/**
 * How one payment method settles a journaled call whose outcome is unknown, from its processor's books. The
 * {@link AttemptReconciler} finds and locks such calls, asks the settlement, and finishes the attempt through the
 * same path as the {@link OperationRunner} (the table's next state, the change journaled at the claim).
 */
public interface AttemptSettlement {

    PaymentMethod method();

    /** The method's state table. */
    StateTable<OrderStatus> table();

    /** The deadline of this method's processor calls: the grace period is never shorter than this plus 30 seconds. */
    Duration callDeadline();

    /**
     * What the processor's books say happened, or FAILURE when they show no trace and {@code pastGrace} (a late
     * request can no longer arrive); empty to leave the attempt for a later pass.
     */
    Optional<Settled> settle(Attempt attempt, boolean pastGrace);

    /**
     * A settlement: the verdict, and the method's own detail rows to write with it (in the reconciler's transaction).
     */
    record Settled(Verdict verdict, Runnable details) {
        public static Settled of(Verdict verdict) {
            return new Settled(verdict, () -> { });
        }
    }
}
