package jp.kessai.core.threeds;

/**
 * Why the browser goes back to the merchant: the automatic authorisation of a charge, or of a verification, ran
 * (whatever its outcome: the merchant reads the transaction), or authentication ended and the merchant's finalize
 * call is awaited (autoAuthorization false, whatever the authentication's outcome). Each face names these events.
 */
public enum CallbackReason {
    CHARGE_FINISHED,
    VERIFICATION_FINISHED,
    AUTHENTICATION_FINISHED
}
