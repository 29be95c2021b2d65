package jp.kessai.core.order;

/** Operations that move an order through its state table (seed 000 table 1.2.2-1: 取引登録, 決済要求, 取消要求). */
public enum Operation {
    ENTRY,
    EXEC,
    CANCEL
}
