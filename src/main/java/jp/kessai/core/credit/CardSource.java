package jp.kessai.core.credit;

/**
 * Where the card of a charge came from. Card data ({@link #CARD_DATA}) needs a PCI DSS certified shop; the others do
 * not. Apple Pay and Google Pay are shown as such in the OpenAPI type's {@code creditResult.cardType}.
 */
public enum CardSource {
    CARD_DATA,
    MP_TOKEN,
    APPLE_PAY,
    GOOGLE_PAY
}
