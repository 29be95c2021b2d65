package jp.kessai.processor.card;

import jp.kessai.platform.secret.CardNumber;

/** International brands (seed 003: VISA, Mastercard, JCB, American Express, Diners Club), told apart by BIN range. */
public enum CardBrand {
    VISA,
    MASTERCARD,
    JCB,
    AMEX,
    DINERS,
    UNKNOWN;

    /** The brand of a card number of at least four digits. */
    public static CardBrand of(CardNumber cardNumber) {
        return ofDigits(cardNumber.expose());
    }

    private static CardBrand ofDigits(String pan) {
        int two = Integer.parseInt(pan.substring(0, 2));
        int three = Integer.parseInt(pan.substring(0, 3));
        int four = Integer.parseInt(pan.substring(0, 4));
        if (pan.startsWith("4")) {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (two == 36 || two == 38 || two == 39 || (three >= 300 && three <= 305) || four == 3095) {
            return DINERS;
        }
        return UNKNOWN;
    }
}
