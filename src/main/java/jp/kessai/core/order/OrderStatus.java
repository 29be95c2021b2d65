package jp.kessai.core.order;

/**
 * Transaction states. The JCB Preca subset is seed 000 table 1.2.2-1: 未決済, 支払完了, キャンセル. Credit adds the
 * OpenAPI type's StatusCredit values it uses: AUTH (仮売上), CAPTURE (即時売上); SALES is 実売上 after a capture.
 */
public enum OrderStatus {
    UNPROCESSED,
    AUTH,
    CAPTURE,
    SALES,
    CANCEL
}
