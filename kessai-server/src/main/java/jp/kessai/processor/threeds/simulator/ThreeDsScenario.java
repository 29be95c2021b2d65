package jp.kessai.processor.threeds.simulator;

/**
 * What the simulated issuer does with a card (docs/test-cards.md): the outcome a test card or the sandbox API
 * chooses. Any card not listed authenticates frictionlessly (Y).
 */
public enum ThreeDsScenario {
    /** Y without a challenge (ECI 05, 02 for Mastercard). */
    FRICTIONLESS,
    /** C: a one-time password challenge; right → Y, wrong three times → N (reason 19), cancel → N (cancelled). */
    CHALLENGE,
    /** A: attempt (ECI 06, 01 for Mastercard), reason 13. */
    ATTEMPT,
    /** N: not authenticated, reason 01. */
    NOT_AUTHENTICATED,
    /** U: authentication could not be performed, reason 09. */
    UNAVAILABLE_AT_ACS,
    /** R: rejected by the issuer, reason 11. */
    REJECTED,
    /** The card range is not in 3-D Secure 2. */
    NOT_ENROLLED,
    /** A challenge whose ACS session times out: N with reason 14 whatever is entered. */
    ACS_TIMEOUT,
    /** The 3DS server refuses the connection when the transaction is initiated. */
    SERVER_UNAVAILABLE
}
