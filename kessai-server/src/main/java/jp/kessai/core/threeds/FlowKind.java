package jp.kessai.core.threeds;

/** What authentication is for: a charge (都度支払い, 随時支払い) or a card verification (有効性確認). */
public enum FlowKind {
    CHARGE,
    VERIFICATION
}
