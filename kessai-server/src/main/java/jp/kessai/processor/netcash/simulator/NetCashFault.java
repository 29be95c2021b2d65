package jp.kessai.processor.netcash.simulator;

/** Faults the sandbox can inject into the next payment requests (決済要求) Kessai sends the NET CASH center. */
public enum NetCashFault {
    /** The center never receives the request, but the caller cannot know: outcome unknown. */
    DROP_REQUEST,
    /** The center registers the payment and the answer is lost: outcome unknown. */
    LOSE_ANSWER,
    /** The center refuses the connection: nothing happened. */
    UNAVAILABLE,
    /** The call fails with an unexpected exception before the center acts: nothing happened, but the caller cannot know. */
    THROW
}
