package jp.kessai.platform.secret;

/**
 * A card's security code (CVV2/CVC2): sent to the acquirer for one authorisation, never stored. Prints
 * as {@value Secret#MASK} whatever its value.
 */
public final class SecurityCode extends MaskedSecret {

    public SecurityCode(String value) {
        super(value, "a security code");
    }
}
