package jp.kessai.platform.secret;

/**
 * A JCB prepaid card's approval number (承認番号): with the card number it lets anyone spend the card's
 * balance, like a PIN. Prints as {@value Secret#MASK} whatever its value.
 */
public final class ApprovalNumber implements Secret {

    private final String value;

    public ApprovalNumber(String value) {
        this.value = SecretValues.require(value, "an approval number");
    }

    @Override
    public String expose() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApprovalNumber that && SecretValues.constantTimeEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
