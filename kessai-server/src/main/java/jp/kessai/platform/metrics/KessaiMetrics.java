package jp.kessai.platform.metrics;

import java.util.Map;

/**
 * Every Kessai metric and its HELP text (Micrometer's description), in one table. docs/operations.md lists the same
 * metrics by their Prometheus names; a meter whose name is not here is a programmer error.
 */
public final class KessaiMetrics {

    public static final String IDPASS_REQUESTS = "kessai.idpass.requests";
    public static final String OPENAPI_REQUESTS = "kessai.openapi.requests";
    public static final String OPENAPI_TDS2_BROWSER = "kessai.openapi.tds2.browser";
    public static final String MPTOKEN_REQUESTS = "kessai.mptoken.requests";
    public static final String NOTIFICATION_ATTEMPTS = "kessai.notifications.attempts";
    public static final String NOTIFICATIONS_PENDING = "kessai.notifications.pending";
    public static final String NOTIFICATIONS_DEAD = "kessai.notifications.dead";
    public static final String PAYMENT_AMOUNT_YEN = "kessai.payment.amount.yen";
    public static final String SERVER_REQUESTS_IN_FLIGHT = "kessai.server.requests.in.flight";
    public static final String SERVER_REQUESTS_REFUSED = "kessai.server.requests.refused";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            IDPASS_REQUESTS, "Requests to the idpass face (.idPass endpoints and the NET CASH browser pages), by operation and result (ok or the first ErrInfo)",
            OPENAPI_REQUESTS, "Requests to the openapi face, by endpoint and HTTP status",
            OPENAPI_TDS2_BROWSER, "3-D Secure browser steps served by the openapi face, by step",
            MPTOKEN_REQUESTS, "Requests to the tokenizer's token endpoint (/payment/CreateToken.json), by endpoint and HTTP status",
            NOTIFICATION_ATTEMPTS, "Notification delivery attempts, by kind and outcome",
            NOTIFICATIONS_PENDING, "Notifications waiting in the outbox for delivery",
            NOTIFICATIONS_DEAD, "Notifications that used up their retries (dead letters)",
            PAYMENT_AMOUNT_YEN, "Yen of payments (amount plus tax), by the face that created the order, payment method and result",
            SERVER_REQUESTS_IN_FLIGHT, "Requests in progress on the faces of this node (at most kessai.server.max-in-flight)",
            SERVER_REQUESTS_REFUSED, "Requests refused with the face's busy answer because the node had kessai.server.max-in-flight requests in progress (management: the management endpoints' own allowance), by face");

    private KessaiMetrics() {}

    /** The HELP text of a Kessai metric. */
    public static String description(String name) {
        String description = DESCRIPTIONS.get(name);
        if (description == null) {
            throw new IllegalArgumentException("metric " + name + " has no description in KessaiMetrics");
        }
        return description;
    }

    public static Map<String, String> all() {
        return DESCRIPTIONS;
    }
}
