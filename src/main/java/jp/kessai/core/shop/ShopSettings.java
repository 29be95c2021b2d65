package jp.kessai.core.shop;

import java.time.Instant;

/**
 * Per-shop settings, stored as one JSON document. Later capabilities add their fields here; an absent field takes
 * the default given in the compact constructor, so older rows keep reading.
 *
 * @param jcbPrecaContracted whether the shop has the JCB Preca (JCB PREMO) contract (default true)
 * @param netCashContracted whether the shop has the NET CASH contract (default true)
 * @param netCashPaymentTermMinutes how long a customer has, after ExecTranNetcash, to pay (default 60)
 * @param resultNotificationUrl the protocol type's result notification program URL (結果通知プログラムURL), or null
 * @param notificationRetryIntervalMinutes wait between delivery attempts of a notification (default 60)
 * @param notificationStopFrom start of a maintenance window during which notifications wait (inclusive), or null
 * @param notificationStopUntil end of that window (exclusive); waiting notifications are sent from then on
 * @param allowPrivateNotificationTargets TEST-mode shops only: allow notification URLs on loopback/private networks
 */
public record ShopSettings(
        Boolean jcbPrecaContracted,
        Boolean netCashContracted,
        Integer netCashPaymentTermMinutes,
        String resultNotificationUrl,
        Integer notificationRetryIntervalMinutes,
        Instant notificationStopFrom,
        Instant notificationStopUntil,
        Boolean allowPrivateNotificationTargets) {

    /** "Retried up to 5 times" after the first delivery. */
    public static final int NOTIFICATION_RETRIES = 5;

    public ShopSettings {
        jcbPrecaContracted = jcbPrecaContracted == null || jcbPrecaContracted;
        netCashContracted = netCashContracted == null || netCashContracted;
        netCashPaymentTermMinutes = netCashPaymentTermMinutes == null ? 60 : netCashPaymentTermMinutes;
        notificationRetryIntervalMinutes = notificationRetryIntervalMinutes == null ? 60 : notificationRetryIntervalMinutes;
        allowPrivateNotificationTargets = allowPrivateNotificationTargets != null && allowPrivateNotificationTargets;
        if (netCashPaymentTermMinutes < 1 || notificationRetryIntervalMinutes < 1) {
            throw new IllegalArgumentException("terms and intervals are at least one minute");
        }
    }

    public static ShopSettings defaults() {
        return new ShopSettings(null, null, null, null, null, null, null, null);
    }
}
