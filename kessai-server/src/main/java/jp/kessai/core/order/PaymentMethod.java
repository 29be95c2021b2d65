package jp.kessai.core.order;

/** Payment methods the core knows. Faces map them to their wire codes (idpass PayType 14 JCB_PRECA, 16 NET_CASH). */
public enum PaymentMethod {
    JCB_PRECA,
    NET_CASH,
    /** Credit card (idpass PayType 0, OpenAPI chargeType CREDIT). */
    CREDIT
}
