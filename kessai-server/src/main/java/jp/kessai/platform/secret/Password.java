package jp.kessai.platform.secret;

/**
 * A shop password (ShopPass): compared by digest and stored only encrypted. Prints as {@value Secret#MASK}
 * whatever its value.
 */
public final class Password extends MaskedSecret {

    public Password(String value) {
        super(value, "a shop password");
    }
}
