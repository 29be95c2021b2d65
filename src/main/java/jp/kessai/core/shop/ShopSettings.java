package jp.kessai.core.shop;

/**
 * Per-shop settings, stored as one JSON document. Later capabilities add their fields here (notification URLs,
 * retry intervals, stop windows, IP allowlists, contracted options); absent fields take the defaults below.
 *
 * @param jcbPrecaContracted whether the shop has the JCB Preca (JCB PREMO) contract
 */
public record ShopSettings(boolean jcbPrecaContracted) {

    public static ShopSettings defaults() {
        return new ShopSettings(true);
    }
}
