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
    /** Credit: verify a card with a zero-amount authorisation (/credit/verifyCard, /tds2/finalizeVerification). */
    VERIFY,
    /** 3-D Secure: 認証初期化 at the 3DS server; the order becomes AUTHENTICATED (a 202 with a redirect). */
    TDS_ENTRY,
    /** 3-D Secure: 認証依頼 (AReq) after the browser's 3DS Method step. */
    TDS_AUTHENTICATE,
    /** 3-D Secure: チャレンジ判定依頼 after the cardholder's challenge. */
    TDS_CHALLENGE,
    /** 3-D Secure: authentication failed (N, R, U, a refused attempt, a failed, cancelled or timed-out challenge). */
    TDS_FAIL
}
