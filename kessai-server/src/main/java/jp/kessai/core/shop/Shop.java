package jp.kessai.core.shop;

import java.util.regex.Pattern;

/**
 * A merchant's shop as the core sees it. The password is deliberately absent: it stays encrypted in storage and is
 * only ever compared (or later used as a key) inside {@link ShopDirectory}.
 */
public record Shop(long id, String shopId, String robotAid, ShopMode mode, ShopSettings settings) {

    /** ShopID as the protocol type's seeds define it (CHAR 13, half-width alphanumerics) and the idpass face checks it. */
    public static final Pattern SHOP_ID_FORMAT = Pattern.compile("[A-Za-z0-9]{1,13}");

    /** ShopPass as the seeds define it (CHAR 8, half-width alphanumerics): a longer one could never log in over idpass. */
    public static final Pattern SHOP_PASS_FORMAT = Pattern.compile("[A-Za-z0-9]{1,8}");

    /** ROBOT PAYMENT's store id ({@code aid}): 6 digits. */
    public static final Pattern ROBOT_AID_FORMAT = Pattern.compile("[0-9]{6}");
}
