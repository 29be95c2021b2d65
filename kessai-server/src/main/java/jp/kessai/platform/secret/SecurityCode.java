package jp.kessai.platform.secret;

/**
 * A card's security code (CVV2/CVC2): sent to the acquirer for one authorisation, never stored. Prints
 * as {@value Secret#MASK} whatever its value.
 */
public final class SecurityCode implements Secret {

    private final String value;

    public SecurityCode(String value) {
        this.value = SecretValues.require(value, "a security code");
    }

    @Override
    public String expose() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityCode that && SecretValues.constantTimeEquals(value, that.value);
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
