package jp.kessai.core.order;

/**
 * Transaction states, named as the protocol type's SearchTradeMulti reports them. JCB Preca (seed 000 table 1.2.2-1)
 * uses UNPROCESSED, SALES, CANCEL; NET CASH (seed 001 table 1.2.2-1 and §3.1.2.1) uses UNPROCESSED, REQSUCCESS,
 * PAYSTART, PAYSUCCESS, PAYFAIL, EXPIRED.
 */
public enum OrderStatus {
    UNPROCESSED,
    SALES,
    CANCEL,
    REQSUCCESS,
    PAYSTART,
    PAYSUCCESS,
    PAYFAIL,
    EXPIRED
}
