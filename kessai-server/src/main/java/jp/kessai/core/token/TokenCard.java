package jp.kessai.core.token;

import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;

/**
 * The card data behind a token, as the faces need it to charge, verify or store the card: number, expiry (month
 * {@code 01}–{@code 12}, four-digit year), the security code when one was given (null otherwise) and the holder's name
 * (null when not given). The number and code travel in their secret types, so printing this record masks them.
 */
public record TokenCard(CardNumber number, String expiryMonth, String expiryYear, SecurityCode securityCode,
        String cardholderName) {

    public TokenCard {
        if (number == null || expiryMonth == null || expiryYear == null) {
            throw new IllegalArgumentException("a token card has a number and an expiry");
        }
    }

    /** At most the first six and the last four digits, the rest {@code *}: what token answers show. */
    public String maskedNumber() {
        return mask(number);
    }

    static String mask(CardNumber number) {
        String digits = number.expose();
        int shownFront = Math.min(6, Math.max(0, digits.length() - 8));
        int shownBack = Math.min(4, digits.length() - shownFront);
        return digits.substring(0, shownFront) + "*".repeat(digits.length() - shownFront - shownBack)
                + digits.substring(digits.length() - shownBack);
    }
}
