package jp.kessai.processor.card;

/**
 * A primary account number on its way to the acquirer. {@link #toString()} never shows it; {@link #masked()} keeps
 * the last four digits only, as the OpenAPI type's {@code cardResult.cardNumber} does.
 */
public record Pan(String digits) {

    public Pan {
        if (digits == null || !digits.chars().allMatch(Character::isDigit) || digits.length() < 12 || digits.length() > 19) {
            throw new IllegalArgumentException("a PAN is 12 to 19 digits");
        }
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public String masked() {
        return "*".repeat(digits.length() - 4) + last4();
    }

    public CardBrand brand() {
        return CardBrand.of(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
