package jp.kessai.processor.threeds.simulator;

/** Faults the sandbox API can inject into the next calls of the 3DS server simulator. */
public enum ThreeDsFault {
    /** The 3DS server refuses the connection (nothing happened there). */
    SERVER_UNAVAILABLE,
    /** The 3DS server acts but its answer is lost (the outcome is unknown). */
    LOSE_ANSWER
}
