package jp.kessai.core.vault;

import jp.kessai.platform.secret.CardNumber;

/**
 * A card as the vault stores it: number, expiry and holder name. There is no security code here on purpose: a
 * security code is never stored.
 */
public record CardData(CardNumber pan, String expiryMonth, String expiryYear, String cardholderName) {

    public CardData {
        if (pan == null || expiryMonth == null || expiryYear == null) {
            throw new IllegalArgumentException("a stored card needs its number and expiry");
        }
    }

    public CardData withCardholderName(String name) {
        return new CardData(pan, expiryMonth, expiryYear, name);
    }
}
