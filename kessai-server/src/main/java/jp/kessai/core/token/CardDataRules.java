package jp.kessai.core.token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tokenizer's checks of card data, in the order of GMO-PG's result codes (number, expiry, security code, holder).
 * Every violation is reported, at most one per field. The expiry is checked for form, not against today's date: the
 * real tokenizer issues tokens for expired cards too, and the card company declines them at authorisation.
 */
public final class CardDataRules {

    /** mp-token.js: 10 to 16 digits (code 102). */
    static final int MIN_DIGITS = 10;
    static final int MAX_DIGITS = 16;
    /** Code 132: more than 50 characters. */
    static final int MAX_HOLDER_NAME = 50;
    /** Tokens per request, code 142. */
    public static final int MAX_TOKENS_PER_REQUEST = 10;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern HOLDER_NAME = Pattern.compile("[A-Za-z0-9 ,./-]*");

    private CardDataRules() {}

    /**
     * @param expiryMonth one or two digits
     * @param expiryYear two or four digits
     */
    public static List<TokenError> check(String cardNumber, String expiryMonth, String expiryYear, String securityCode,
            String holderName) {
        List<TokenError> errors = new ArrayList<>();
        TokenError number = number(cardNumber);
        if (number != null) {
            errors.add(number);
        }
        TokenError expiry = expiry(expiryMonth, expiryYear);
        if (expiry != null) {
            errors.add(expiry);
        }
        if (present(securityCode)) {
            if (!DIGITS.matcher(securityCode).matches()) {
                errors.add(TokenError.SECURITY_CODE_NOT_DIGITS);
            } else if (securityCode.length() < 3 || securityCode.length() > 4) {
                errors.add(TokenError.SECURITY_CODE_LENGTH);
            }
        }
        if (present(holderName)) {
            if (!HOLDER_NAME.matcher(holderName).matches()) {
                errors.add(TokenError.HOLDER_NAME_CHARACTERS);
            } else if (holderName.length() > MAX_HOLDER_NAME) {
                errors.add(TokenError.HOLDER_NAME_LENGTH);
            }
        }
        return errors;
    }

    private static TokenError number(String cardNumber) {
        if (!present(cardNumber)) {
            return TokenError.CARD_NUMBER_MISSING;
        }
        if (!DIGITS.matcher(cardNumber).matches()) {
            return TokenError.CARD_NUMBER_NOT_DIGITS;
        }
        if (cardNumber.length() < MIN_DIGITS || cardNumber.length() > MAX_DIGITS) {
            return TokenError.CARD_NUMBER_LENGTH;
        }
        return luhn(cardNumber) ? null : TokenError.CARD_NUMBER_CHECK_DIGIT;
    }

    private static TokenError expiry(String month, String year) {
        if (!present(month) || !present(year)) {
            return TokenError.EXPIRY_MISSING;
        }
        if (!DIGITS.matcher(month).matches() || !DIGITS.matcher(year).matches()) {
            return TokenError.EXPIRY_NOT_DIGITS;
        }
        if (month.length() > 2 || (year.length() != 2 && year.length() != 4)) {
            return TokenError.EXPIRY_LENGTH;
        }
        int m = Integer.parseInt(month);
        return m < 1 || m > 12 ? TokenError.EXPIRY_MONTH : null;
    }

    /** The Luhn (mod 10) check digit. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** {@code 1} → {@code 01}. */
    static String twoDigitMonth(String month) {
        return month.length() == 1 ? "0" + month : month;
    }

    /** {@code 33} → {@code 2033}. */
    static String fourDigitYear(String year) {
        return year.length() == 2 ? "20" + year : year;
    }

    static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
