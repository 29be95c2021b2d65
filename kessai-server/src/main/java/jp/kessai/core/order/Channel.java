package jp.kessai.core.order;

/** Which face created a transaction: each face reports it in its own words, the core only records it. */
public enum Channel {
    /** GMO-PG protocol type (.idPass). */
    IDPASS,
    /** GMO-PG OpenAPI type. */
    OPENAPI,
    /** ROBOT PAYMENT gateway. */
    ROBOT,
    /** The admin console. */
    CONSOLE
}
