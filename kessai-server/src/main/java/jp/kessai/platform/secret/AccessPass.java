package jp.kessai.platform.secret;

/**
 * An order's AccessPass: with the AccessID it names an order to the shop that holds both. Prints as
 * {@value Secret#MASK} whatever its value.
 */
public final class AccessPass implements Secret {

    private final String value;

    public AccessPass(String value) {
        this.value = SecretValues.require(value, "an AccessPass");
    }

    @Override
    public String expose() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessPass that && SecretValues.constantTimeEquals(value, that.value);
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
