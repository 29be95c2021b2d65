package jp.kessai.platform.secret;

/**
 * An order's AccessPass: with the AccessID it names an order to the shop that holds both. Prints as
 * {@value Secret#MASK} whatever its value.
 */
public final class AccessPass extends MaskedSecret {

    public AccessPass(String value) {
        super(value, "an AccessPass");
    }
}
