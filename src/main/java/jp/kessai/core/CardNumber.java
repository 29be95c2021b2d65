package jp.kessai.core;

/** A card number in transit. {@link #toString()} never shows it; {@link #masked()} keeps the last four digits. */
public record CardNumber(String digits) {

    public String masked() {
        int keep = Math.min(4, digits.length());
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }

    @Override
    public String toString() {
        return masked();
    }
}
