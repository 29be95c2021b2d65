package jp.kessai.platform.secret;

/**
 * A JCB prepaid card's approval number (承認番号): with the card number it lets anyone spend the card's
 * balance, like a PIN. Prints as {@value Secret#MASK} whatever its value.
 */
public final class ApprovalNumber extends MaskedSecret {

    public ApprovalNumber(String value) {
        super(value, "an approval number");
    }
}
