package jp.kessai.core.shop;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-shop settings, stored as one JSON document. Capabilities add their fields here; an absent field (older rows)
 * takes the default given in the compact constructor. Change settings with the {@code with…} methods rather than the
 * long canonical constructor.
 *
 * @param jcbPrecaContracted whether the shop has the JCB Preca (JCB PREMO) contract (default true)
 * @param netCashContracted whether the shop has the NET CASH contract (default true)
 * @param netCashPaymentTermMinutes how long a customer has, after ExecTranNetcash, to pay (default 60)
 * @param resultNotificationUrl the protocol type's result notification program URL (結果通知プログラムURL), or null
 * @param notificationRetryIntervalMinutes wait between delivery attempts of a notification (default 60)
 * @param notificationStopFrom start of a maintenance window during which notifications wait (inclusive), or null
 * @param notificationStopUntil end of that window (exclusive); waiting notifications are sent from then on
 * @param allowPrivateNotificationTargets TEST-mode shops only: allow notification URLs on loopback/private networks
 * @param passwordAuthAllowed whether the OpenAPI type's business endpoints accept Basic (ShopID:ShopPass); when
 *     false only Bearer tokens are accepted there ({@code /token} always takes Basic)
 * @param ipAllowlists per endpoint path (e.g. {@code /credit/charge}, {@code /token}): the addresses or CIDR ranges
 *     allowed to call it; an endpoint without an entry (or with an empty list) is open to any address
 * @param concurrencyLimits per endpoint path: in-flight request limit overriding the seed's default (5, or 10 for
 *     {@code /order/*})
 * @param pciDssCompliant whether the shop may send card data directly (PCI DSS certified merchant)
 * @param creditContracted whether the shop has a credit card contract
 * @param installmentCounts the installment counts (分割回数) the shop's card contract allows; empty = no
 *     installment contract
 * @param bonusContracted whether BONUS_ONE_TIME (ボーナス一括) is contracted
 * @param revolvingContracted whether REVOLVING (リボ) is contracted
 * @param cardDetailsContracted whether the shop has the option contract of /credit/getCardDetails (カード詳細情報
 *     取得; default false, on for the sandbox demo shop)
 * @param tds2Mandatory the shop's 「3Dセキュア必須化」 contract: with allowAttempt FOLLOW an attempt (ECI 06/01) counts
 *     as a failed authentication when true, as a successful one when false (the default)
 */
public record ShopSettings(
        Boolean jcbPrecaContracted,
        Boolean netCashContracted,
        Integer netCashPaymentTermMinutes,
        String resultNotificationUrl,
        Integer notificationRetryIntervalMinutes,
        Instant notificationStopFrom,
        Instant notificationStopUntil,
        Boolean allowPrivateNotificationTargets,
        Boolean passwordAuthAllowed,
        Map<String, List<String>> ipAllowlists,
        Map<String, Integer> concurrencyLimits,
        Boolean pciDssCompliant,
        Boolean creditContracted,
        List<Integer> installmentCounts,
        Boolean bonusContracted,
        Boolean revolvingContracted,
        Boolean cardDetailsContracted,
        Boolean tds2Mandatory) {

    /** "Retried up to 5 times" after the first delivery. */
    public static final int NOTIFICATION_RETRIES = 5;

    /** The installment counts a typical Japanese card contract offers; used by the sandbox demo shop. */
    public static final List<Integer> STANDARD_INSTALLMENTS = List.of(3, 5, 6, 10, 12, 15, 18, 20, 24);

    public ShopSettings {
        jcbPrecaContracted = jcbPrecaContracted == null || jcbPrecaContracted;
        netCashContracted = netCashContracted == null || netCashContracted;
        netCashPaymentTermMinutes = netCashPaymentTermMinutes == null ? 60 : netCashPaymentTermMinutes;
        notificationRetryIntervalMinutes = notificationRetryIntervalMinutes == null ? 60 : notificationRetryIntervalMinutes;
        allowPrivateNotificationTargets = allowPrivateNotificationTargets != null && allowPrivateNotificationTargets;
        if (netCashPaymentTermMinutes < 1 || notificationRetryIntervalMinutes < 1) {
            throw new IllegalArgumentException("terms and intervals are at least one minute");
        }
        passwordAuthAllowed = passwordAuthAllowed == null || passwordAuthAllowed;
        ipAllowlists = ipAllowlists == null ? Map.of() : Map.copyOf(ipAllowlists);
        concurrencyLimits = concurrencyLimits == null ? Map.of() : Map.copyOf(concurrencyLimits);
        pciDssCompliant = pciDssCompliant != null && pciDssCompliant;
        creditContracted = creditContracted == null || creditContracted;
        installmentCounts = installmentCounts == null ? List.of() : List.copyOf(installmentCounts);
        bonusContracted = bonusContracted != null && bonusContracted;
        revolvingContracted = revolvingContracted != null && revolvingContracted;
        cardDetailsContracted = cardDetailsContracted != null && cardDetailsContracted;
        tds2Mandatory = tds2Mandatory != null && tds2Mandatory;
    }

    public static ShopSettings defaults() {
        return new ShopSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only the JCB Preca contract flag set; everything else default. */
    public ShopSettings(boolean jcbPrecaContracted) {
        this(jcbPrecaContracted, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Notification and NET CASH settings changed, the rest kept. */
    public ShopSettings withNotifications(Integer netCashPaymentTermMinutes, String resultNotificationUrl,
            Integer notificationRetryIntervalMinutes, Instant notificationStopFrom, Instant notificationStopUntil,
            Boolean allowPrivateNotificationTargets) {
        return new ShopSettings(jcbPrecaContracted, netCashContracted, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuthAllowed, ipAllowlists, concurrencyLimits, pciDssCompliant,
                creditContracted, installmentCounts, bonusContracted, revolvingContracted, cardDetailsContracted, tds2Mandatory);
    }

    /** The sandbox demo shop: PCI DSS flagged, contracted for every credit payment method and for card details. */
    public ShopSettings withEverythingContracted() {
        return new ShopSettings(jcbPrecaContracted, netCashContracted, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuthAllowed, ipAllowlists, concurrencyLimits, true, true,
                STANDARD_INSTALLMENTS, true, true, true, tds2Mandatory);
    }

    /** The contract flags and installment counts changed, the rest kept. */
    public ShopSettings withContracts(boolean jcbPreca, boolean netCash, boolean credit, boolean pciDss,
            List<Integer> installments, boolean bonus, boolean revolving) {
        return new ShopSettings(jcbPreca, netCash, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuthAllowed, ipAllowlists, concurrencyLimits, pciDss, credit,
                installments, bonus, revolving, cardDetailsContracted, tds2Mandatory);
    }

    public ShopSettings withOpenApiAccess(boolean passwordAuth, Map<String, List<String>> allowlists,
            Map<String, Integer> limits) {
        return new ShopSettings(jcbPrecaContracted, netCashContracted, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuth, allowlists, limits, pciDssCompliant, creditContracted,
                installmentCounts, bonusContracted, revolvingContracted, cardDetailsContracted, tds2Mandatory);
    }

    /** The /credit/getCardDetails option contract changed, the rest kept. */
    public ShopSettings withCardDetails(boolean contracted) {
        return new ShopSettings(jcbPrecaContracted, netCashContracted, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuthAllowed, ipAllowlists, concurrencyLimits, pciDssCompliant,
                creditContracted, installmentCounts, bonusContracted, revolvingContracted, contracted, tds2Mandatory);
    }

    /** The 「3Dセキュア必須化」 contract changed, the rest kept. */
    public ShopSettings withTds2Mandatory(boolean mandatory) {
        return new ShopSettings(jcbPrecaContracted, netCashContracted, netCashPaymentTermMinutes, resultNotificationUrl,
                notificationRetryIntervalMinutes, notificationStopFrom, notificationStopUntil,
                allowPrivateNotificationTargets, passwordAuthAllowed, ipAllowlists, concurrencyLimits, pciDssCompliant,
                creditContracted, installmentCounts, bonusContracted, revolvingContracted, cardDetailsContracted, mandatory);
    }
}
