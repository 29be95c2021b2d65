package jp.kessai.platform.secret;

/**
 * A secret that prints as {@value Secret#MASK} whatever its value (every {@link Secret} but the card number, which
 * shows its last four digits). Equal to a secret of the same kind with the same value, compared in constant time.
 */
public abstract sealed class MaskedSecret implements Secret permits SecurityCode, Password, AccessPass, ApprovalNumber {

    private final String value;

    /** @param what the kind of value, for the message when it is missing (never the value) */
    MaskedSecret(String value, String what) {
        this.value = SecretValues.require(value, what);
    }

    @Override
    public final String expose() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && SecretValues.constantTimeEquals(value, ((MaskedSecret) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return MASK;
    }
}
