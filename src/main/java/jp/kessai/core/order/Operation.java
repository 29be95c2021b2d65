package jp.kessai.core.order;

/**
 * Operations that move an order through its state table: 取引登録 (ENTRY), 決済要求 (EXEC), 取消要求 (CANCEL),
 * the customer's arrival at the payment page (START), the center's 入金通知 (PAYMENT_NOTICE) and user-cancel
 * notice (CANCEL_NOTICE), and 未入金で支払期限切れ (EXPIRE).
 */
public enum Operation {
    ENTRY,
    EXEC,
    CANCEL,
    START,
    PAYMENT_NOTICE,
    CANCEL_NOTICE,
    EXPIRE,
    /** Credit: authorise only (OpenAPI authorizationMode AUTH, protocol JobCd AUTH). */
    AUTHORIZE,
    /** Credit: authorise and capture at once (authorizationMode CAPTURE, JobCd CAPTURE). */
    AUTH_AND_CAPTURE,
    /** Credit: capture an authorisation (/order/capture, AlterTran SALES). */
    CAPTURE,
    /** Credit: change the amount and leave the order authorised (/order/update with AUTH). */
    REAUTHORIZE,
    /** Credit: change the amount and leave the order captured (/order/update with CAPTURE). */
    REAUTH_CAPTURE,
    /** Credit: verify a card by a zero-amount authorisation (/credit/verifyCard, JobCd CHECK). */
    VERIFY
}
