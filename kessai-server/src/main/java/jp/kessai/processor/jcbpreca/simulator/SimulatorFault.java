package jp.kessai.processor.jcbpreca.simulator;

/** Faults the sandbox can inject into the next center calls. */
public enum SimulatorFault {
    /** The center never receives the request, but the caller cannot know: outcome unknown. */
    DROP_REQUEST,
    /** The center applies the request and the answer is lost: outcome unknown. */
    LOSE_ANSWER,
    /** The center refuses the connection: nothing happened. */
    UNAVAILABLE,
    /** The call fails with an unexpected exception before the center acts: nothing happened, but the caller cannot know. */
    THROW
}
