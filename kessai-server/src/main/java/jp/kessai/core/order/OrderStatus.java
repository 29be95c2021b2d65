package jp.kessai.core.order;

/**
 * Transaction states, named as the protocol type's SearchTradeMulti reports them. JCB Preca (seed 000 table 1.2.2-1)
 * uses UNPROCESSED, SALES, CANCEL; NET CASH (seed 001 table 1.2.2-1 and §3.1.2.1) uses UNPROCESSED, REQSUCCESS,
 * PAYSTART, PAYSUCCESS, PAYFAIL, EXPIRED.
 * Credit adds the
 * OpenAPI type's StatusCredit values it uses: AUTH (仮売上), CAPTURE (即時売上); SALES is 実売上 after a capture;
 * AUTHENTICATED (未決済(3DS登録済)) while a 3-D Secure flow runs or waits for its finalize call; CHECK (有効性チェック)
 * after a card verification.
 */
public enum OrderStatus {
    UNPROCESSED,
    AUTHENTICATED,
    AUTH,
    CAPTURE,
    SALES,
    CHECK,
    CANCEL,
    REQSUCCESS,
    PAYSTART,
    PAYSUCCESS,
    PAYFAIL,
    EXPIRED
}
