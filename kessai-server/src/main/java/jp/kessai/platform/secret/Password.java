package jp.kessai.platform.secret;

/**
 * A shop password (ShopPass): compared by digest and stored only encrypted. Prints as {@value Secret#MASK}
 * whatever its value.
 */
public final class Password implements Secret {

    private final String value;

    public Password(String value) {
        this.value = SecretValues.require(value, "a shop password");
    }

    @Override
    public String expose() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && SecretValues.constantTimeEquals(value, that.value);
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
