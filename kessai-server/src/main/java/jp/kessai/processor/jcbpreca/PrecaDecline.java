package jp.kessai.processor.jcbpreca;

/** The JCB Preca center's refusals, each distinct. */
public enum PrecaDecline {
    UNKNOWN_CARD,
    APPROVAL_NUMBER_MISMATCH,
    INSUFFICIENT_BALANCE,
    EXPIRED,
    BEFORE_USAGE_START,
    INVALID_CARD,
    WEB_INQUIRY_NOT_ALLOWED,
    NO_SUCH_TRANSACTION,
    ALREADY_CANCELLED,
    CANCEL_WINDOW_PASSED
}
