package jp.kessai.core.order;

/** Payment methods the core knows. Faces map them to their wire codes (idpass PayType 14 = JCB_PRECA). */
public enum PaymentMethod {
    JCB_PRECA,
    /** Credit card (idpass PayType 0, OpenAPI chargeType CREDIT). */
    CREDIT
}
