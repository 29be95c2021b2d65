package jp.kessai.core.order;

/** Transaction states. The JCB Preca subset is seed 000 table 1.2.2-1: 未決済, 支払完了, キャンセル. */
public enum OrderStatus {
    UNPROCESSED,
    SALES,
    CANCEL
}
