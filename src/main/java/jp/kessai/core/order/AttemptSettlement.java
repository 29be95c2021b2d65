package jp.kessai.core.order;

/**
 * How a payment method learns, from its processor, whether a journaled call took effect. One bean per method; the
 * {@link AttemptReconciler} asks it about every call whose outcome is unknown.
 */
public interface AttemptSettlement {

    PaymentMethod method();

    /** True if the processor shows the call took effect, false if it shows no trace of it. */
    boolean tookEffect(Attempt attempt);
}
