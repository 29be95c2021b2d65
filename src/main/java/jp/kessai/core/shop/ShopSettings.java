package jp.kessai.core.shop;

/**
 * Per-shop settings, stored as one JSON document. Later capabilities add their fields here (notification URLs,
 * retry intervals, stop windows, IP allowlists, contracted options); absent fields take the defaults below.
 *
 * @param jcbPrecaContracted whether the shop may use JCB Preca (JCB PREMO)
 * @param allowPrivateNotificationTargets sandbox aid: allow notification URLs on loopback/private networks
 */
public record ShopSettings(boolean jcbPrecaContracted, boolean allowPrivateNotificationTargets) {

    public static ShopSettings defaults() {
        return new ShopSettings(true, false);
    }
}
