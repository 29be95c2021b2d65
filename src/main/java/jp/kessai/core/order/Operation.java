package jp.kessai.core.order;

/** Operations that move an order through its state table (seed 000 table 1.2.2-1: 取引登録, 決済要求, 取消要求). */
public enum Operation {
    ENTRY,
    EXEC,
    CANCEL,
    /** Credit: authorise only (OpenAPI authorizationMode AUTH, protocol JobCd AUTH). */
    AUTHORIZE,
    /** Credit: authorise and capture at once (authorizationMode CAPTURE, JobCd CAPTURE). */
    AUTH_AND_CAPTURE,
    /** Credit: capture an authorisation (/order/capture, AlterTran SALES). */
    CAPTURE,
    /** Credit: change the amount and leave the order authorised (/order/update with AUTH). */
    REAUTHORIZE,
    /** Credit: change the amount and leave the order captured (/order/update with CAPTURE). */
    REAUTH_CAPTURE
}
