package jp.kessai.core;

/**
 * Every outcome the core can report, for every face. Each face maps this enum to its own wire codes in one table
 * (idpass: ErrCode/ErrInfo). Input-format problems are the faces' own business and are not listed here.
 */
public enum ResultCode {
    OK,
    /** ShopID/ShopPass do not name a shop. */
    SHOP_AUTH_FAILED,
    /** The shop has no contract for this payment method. */
    METHOD_NOT_CONTRACTED,
    /** The OrderID was already registered for this shop and payment method (never reusable, seed 000 §1.2.1). */
    ORDER_ID_ALREADY_USED,
    /** No order with these identifiers for this shop. */
    ORDER_NOT_FOUND,
    /** AccessID exists but AccessPass does not match it. */
    ACCESS_PASS_MISMATCH,
    /** AccessID/AccessPass name an order whose OrderID differs from the one given. */
    ORDER_ID_MISMATCH,
    /** The order exists but for another payment method than the one asked about. */
    PAYMENT_METHOD_MISMATCH,
    /** Payment requested on an order that is already paid or cancelled. */
    ALREADY_PAID,
    /** A payment request was already made for this order (and is waiting for the customer). */
    ALREADY_REQUESTED,
    /** The customer's payment deadline passed. */
    PAYMENT_EXPIRED,
    /** A browser redirect's token does not belong to the transaction. */
    TOKEN_MISMATCH,
    /** The customer cancelled on the payment page, or the center refused the payment. */
    PAYMENT_FAILED,
    /** Cancel requested on an order that was never paid. */
    NOT_PAID,
    /** Cancel requested a second time (allowed once per OrderID). */
    ALREADY_CANCELLED,
    /** Another operation on this order is in flight or its outcome is still being settled. */
    OPERATION_IN_PROGRESS,

    // Prepaid center outcomes
    CARD_INSUFFICIENT_BALANCE,
    CARD_BEFORE_USAGE_START,
    CARD_APPROVAL_NUMBER_MISMATCH,
    CARD_INVALID,
    CARD_UNKNOWN,
    CARD_EXPIRED,
    CARD_WEB_INQUIRY_NOT_ALLOWED,
    CANCEL_WINDOW_PASSED,
    CANCEL_TARGET_NOT_FOUND,

    /** The operation is not allowed in the order's current state (e.g. capture of a cancelled order). */
    INVALID_STATUS,
    /** The deadline for the operation has passed (e.g. capture after the authorisation expired). */
    AUTHORIZATION_EXPIRED,

    /**
     * The card number's check digit is wrong (Luhn): refused by the gateway itself, before any card company is asked
     * and before anything is written.
     */
    CARD_NUMBER_CHECK_DIGIT,

    // Card acquirer outcomes
    CARD_DECLINED,
    CARD_AMOUNT_LIMIT_EXCEEDED,
    CARD_PROCESSING_FAILURE,
    /** The card network is in maintenance; nothing happened there. */
    PROCESSOR_MAINTENANCE,

    /** The processor could not be reached; nothing happened there. */
    PROCESSOR_UNAVAILABLE,
    /** The call timed out or its answer was lost: the outcome is UNKNOWN until reconciled. */
    PROCESSOR_OUTCOME_UNKNOWN,
    // Card vault (members and stored cards)
    /** No member with this memberId in the shop (or it was deleted). */
    MEMBER_NOT_FOUND,
    /** The memberId is taken: a member has it, or had it before being deleted (a memberId is never reused). */
    MEMBER_ALREADY_EXISTS,
    /** No stored card answers the cardId, the index, or (neither given) the member has no default card. */
    ONFILE_CARD_NOT_FOUND,
    /** The member already has the most cards allowed (5), or its physical card numbers are used up. */
    ONFILE_CARD_LIMIT_EXCEEDED,
    /** The duplicate check found the card number stored for another member of the shop. */
    ONFILE_CARD_DUPLICATED,
    /** The referenced transaction is not a successful card transaction whose card could be stored. */
    REFERENCE_NOT_STORABLE,

    // 3-D Secure outcomes
    /** The card's issuer does not take part in 3-D Secure and the merchant did not ask to skip it. */
    TDS_NOT_ENROLLED,
    /** 3-D Secure authentication failed (N, R, U, an attempt the merchant does not accept, a failed challenge). */
    TDS_AUTHENTICATION_FAILED,
    /** The cardholder cancelled the 3-D Secure challenge. */
    TDS_CANCELLED,
    /** The cardholder never finished 3-D Secure (or the merchant never finalised) before the flow expired. */
    TDS_EXPIRED,
    // Card tokens (MP token)
    /** No token of the shop answers the token sent. */
    CARD_TOKEN_NOT_FOUND,
    /** The token was already redeemed (a token is single use). */
    CARD_TOKEN_USED,
    /** The token's lifetime passed before it was redeemed. */
    CARD_TOKEN_EXPIRED,

    /** Unexpected failure inside Kessai. */
    SYSTEM_ERROR
}
