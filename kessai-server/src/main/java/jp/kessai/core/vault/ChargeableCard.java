package jp.kessai.core.vault;

/** A stored card opened for a charge or a verification: the shown form and the card data (number included). */
public record ChargeableCard(StoredCard card, CardData data) {

    @Override
    public String toString() {
        return "ChargeableCard[" + card + "]";
    }
}
