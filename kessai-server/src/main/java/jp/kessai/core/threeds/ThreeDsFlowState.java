package jp.kessai.core.threeds;

/**
 * Where a 3-D Secure flow stands. INITIATING while 認証初期化 runs (the merchant has no redirect URL yet); METHOD
 * once the merchant has the 202 (the browser's 3DS Method step comes next); CHALLENGE while the cardholder is at the
 * ACS; AUTHENTICATED once authentication succeeded (Y, or an accepted attempt) and the authorisation is due
 * (automatic) or awaited (/tds2/finalize*); FINISHED after that authorisation (approved or declined); FAILED when
 * authentication failed, was cancelled or timed out at the ACS; EXPIRED when the customer (or the merchant's
 * finalize call) never came.
 */
public enum ThreeDsFlowState {
    INITIATING,
    METHOD,
    CHALLENGE,
    AUTHENTICATED,
    FINISHED,
    FAILED,
    EXPIRED;

    /** Whether the flow still waits for something (the browser, the ACS, an authorisation or the merchant). */
    public boolean open() {
        return this == INITIATING || this == METHOD || this == CHALLENGE || this == AUTHENTICATED;
    }
}
