package jp.kessai.platform.secret;

/**
 * A card number (credit PAN or prepaid card number) in transit. {@link #masked()} is the form faces display and
 * orders store ({@code card_no_masked}); {@link #toString()} prints the same for numbers of card length and stars
 * every digit of shorter ones, where the last four would give away too much.
 */
public final class CardNumber implements Secret {

    /** The longest card number a face accepts (the protocol type's CardNo: 32 digits). */
    public static final int MAX_DIGITS = 32;
    /** Digits shown at the end of the masked form. */
    private static final int SHOWN_DIGITS = 4;
    /** The shortest number whose last four digits may appear in logs: at least eight stay hidden. */
    private static final int SHOWN_IN_LOGS_FROM_DIGITS = 12;

    private final String digits;

    /** @throws IllegalArgumentException unless 1 to {@value #MAX_DIGITS} ASCII digits (the message never echoes them) */
    public CardNumber(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a card number is 1 to " + MAX_DIGITS + " digits");
        }
        this.digits = digits;
    }

    @Override
    public String expose() {
        return digits;
    }

    /**
     * Whether the last digit is the Luhn (mod 10) check digit of the others, as every credit card number's is. The
     * gateway checks this before a card company is asked (GMO-PG's host answers E41170099). Prepaid numbers (JCB
     * Preca, NET CASH) are issued by their centers without one and are not checked.
     */
    public boolean passesLuhnCheck() {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** How many digits the number has (the acquirer checks PAN lengths without exposing the number). */
    public int length() {
        return digits.length();
    }

    /**
     * Every digit but the last four replaced by {@code *}, same length: {@code ************1111}. Numbers of four
     * digits or fewer come out whole — the faces have always shown them so, and their wire output must not change.
     */
    public String masked() {
        int keep = Math.min(SHOWN_DIGITS, digits.length());
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && SecretValues.constantTimeEquals(digits, that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return digits.length() >= SHOWN_IN_LOGS_FROM_DIGITS ? masked() : "*".repeat(digits.length());
    }
}
