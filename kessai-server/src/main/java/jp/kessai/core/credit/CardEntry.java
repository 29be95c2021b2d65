package jp.kessai.core.credit;

/**
 * How the card of an operation was entered, kept with the order (column {@code credit_order.card_source}): Apple Pay
 * and Google Pay are shown as such in the OpenAPI type's {@code creditResult.cardType}. Card data sent by the merchant
 * ({@link #CARD_DATA}) needs a PCI DSS certified shop; the others do not. A stored card is charged as
 * {@link #CARD_DATA} but with {@link CreditCharge.CardOrigin#STORED}, which needs no PCI DSS flag.
 */
public enum CardEntry {
    CARD_DATA,
    MP_TOKEN,
    APPLE_PAY,
    GOOGLE_PAY
}
