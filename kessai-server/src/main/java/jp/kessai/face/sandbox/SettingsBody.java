package jp.kessai.face.sandbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jp.kessai.platform.text.StorableText;
import jp.kessai.core.notify.OutboundUrlPolicy;
import jp.kessai.core.shop.ShopSettings;

/**
 * The shop settings a sandbox request may set, as a partial update: only the fields present in the JSON object
 * change, other fields are ignored. One reading for {@code POST /sandbox/shops} and
 * {@code POST /sandbox/shops/{shopId}/settings}.
 */
final class SettingsBody {

    /** Installment counts (分割回数) a card contract can list: 2 to 99 payments. */
    private static final int MIN_INSTALLMENTS = 2;
    private static final int MAX_INSTALLMENTS = 99;

    private SettingsBody() {
    }

    static ShopSettings apply(ShopSettings s, Map<String, Object> body) {
        String url = body.containsKey("resultNotificationUrl") ? string(body.get("resultNotificationUrl"))
                : s.resultNotificationUrl();
        if (url != null && !StorableText.storable(url)) {
            throw new SandboxController.BadRequest("resultNotificationUrl: URL is not well formed");
        }
        if (url != null && !url.isEmpty()) {
            OutboundUrlPolicy.checkSyntax(url, OutboundUrlPolicy.MAX_URL_LENGTH).ifPresent(reason -> {
                throw new SandboxController.BadRequest("resultNotificationUrl: " + reason);
            });
        }
        try {
            return s.withNotifications(
                            integer(body, "netCashPaymentTermMinutes", s.netCashPaymentTermMinutes()),
                            url == null || url.isEmpty() ? null : url,
                            integer(body, "notificationRetryIntervalMinutes", s.notificationRetryIntervalMinutes()),
                            body.containsKey("notificationStopFrom") ? instant(body.get("notificationStopFrom")) : s.notificationStopFrom(),
                            body.containsKey("notificationStopUntil") ? instant(body.get("notificationStopUntil")) : s.notificationStopUntil(),
                            flag(body, "allowPrivateNotificationTargets", s.allowPrivateNotificationTargets()))
                    .withContracts(
                            flag(body, "jcbPrecaContracted", s.jcbPrecaContracted()),
                            flag(body, "netCashContracted", s.netCashContracted()),
                            flag(body, "creditContracted", s.creditContracted()),
                            flag(body, "pciDssCompliant", s.pciDssCompliant()),
                            installments(body, s.installmentCounts()),
                            flag(body, "bonusContracted", s.bonusContracted()),
                            flag(body, "revolvingContracted", s.revolvingContracted()))
                    .withCardDetails(flag(body, "cardDetailsContracted", s.cardDetailsContracted()))
                    .withTds2Mandatory(flag(body, "tds2Mandatory", s.tds2Mandatory()));
        } catch (IllegalArgumentException | ClassCastException | DateTimeParseException e) {
            throw new SandboxController.BadRequest("invalid settings: " + e.getMessage());
        }
    }

    private static String string(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new SandboxController.BadRequest("resultNotificationUrl: a string or null");
        }
        return (String) value;
    }

    private static Integer integer(Map<String, Object> body, String name, Integer fallback) {
        Object value = body.get(name);
        return value == null ? fallback : ((Number) value).intValue();
    }

    private static boolean flag(Map<String, Object> body, String name, boolean fallback) {
        Object value = body.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new SandboxController.BadRequest(name + ": true or false");
        }
        return value == null ? fallback : (Boolean) value;
    }

    private static List<Integer> installments(Map<String, Object> body, List<Integer> fallback) {
        if (!body.containsKey("installmentCounts")) {
            return fallback;
        }
        if (!(body.get("installmentCounts") instanceof List<?> list)) {
            throw new SandboxController.BadRequest("installmentCounts: a list of numbers of payments");
        }
        return list.stream().map(v -> {
            if (!(v instanceof Integer n) || n < MIN_INSTALLMENTS || n > MAX_INSTALLMENTS) {
                throw new SandboxController.BadRequest("installmentCounts: whole numbers from " + MIN_INSTALLMENTS
                        + " to " + MAX_INSTALLMENTS);
            }
            return n;
        }).distinct().sorted().toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }
}
