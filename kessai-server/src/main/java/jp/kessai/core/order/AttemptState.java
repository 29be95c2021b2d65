package jp.kessai.core.order;

/** The journal states of a processor call. UNKNOWN stays until the reconciler asks the processor. */
public enum AttemptState {
    PENDING,
    SUCCEEDED,
    FAILED,
    UNKNOWN
}
