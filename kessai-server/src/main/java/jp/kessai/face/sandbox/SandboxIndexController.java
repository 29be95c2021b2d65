package jp.kessai.face.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code GET /sandbox}: the index of the sandbox API — every endpoint, its method, one line on what it does and where
 * docs/test-cards.md describes it. The list is read from Spring MVC's mappings, so an endpoint cannot be missing; each
 * needs a line in {@link #DESCRIPTIONS} (SandboxApiIT fails on one without).
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class SandboxIndexController {

    static final String DOCS = "docs/test-cards.md";
    static final String PREFIX = "/sandbox";

    private record Description(String text, String anchor) {}

    private static final Map<String, Description> DESCRIPTIONS = Map.ofEntries(
            entry("GET /sandbox", "this index", "sandbox-api"),
            entry("POST /sandbox/shops", "creates a test shop (ShopID, ShopPass, optional aid and settings)", "shops"),
            entry("POST /sandbox/shops/{shopId}/settings", "changes a shop's settings (partial update)",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("GET /sandbox/shops/{shopId}/notifications", "lists a shop's notifications",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("GET /sandbox/shops/{shopId}/notifications/dead", "lists a shop's dead notifications",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("GET /sandbox/shops/{shopId}/notifications/{id}/attempts", "lists a notification's delivery attempts",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("POST /sandbox/shops/{shopId}/notifications/{id}/resend", "sends a notification again",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("POST /sandbox/notifications/dispatch", "delivers due notifications now",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("POST /sandbox/mp-tokens", "issues MP tokens for a test card to a TEST-mode shop, without a browser",
                    "mp-tokens-without-a-browser"),
            entry("POST /sandbox/jcb-preca/cards", "creates or replaces a JCB Preca test card", "jcb-preca-cards"),
            entry("GET /sandbox/jcb-preca/cards/{cardNo}", "shows a JCB Preca test card and its balance", "jcb-preca-cards"),
            entry("POST /sandbox/jcb-preca/faults", "injects faults or latency into the JCB Preca center", "faults-and-latency"),
            entry("POST /sandbox/netcash/cards", "creates or replaces a NET CASH test card", "net-cash-cards"),
            entry("GET /sandbox/netcash/cards/{cardNo}", "shows a NET CASH test card and its balance", "net-cash-cards"),
            entry("POST /sandbox/netcash/faults", "injects faults or latency into NET CASH payment requests", "net-cash-faults"),
            entry("POST /sandbox/netcash/expire", "runs the NET CASH expiry sweep now",
                    "net-cash-expiry-shop-settings-and-notifications"),
            entry("POST /sandbox/clock/advance", "moves this node's clock forward", "clock"),
            entry("GET /sandbox/clock", "shows this node's clock offset and time", "clock"),
            entry("POST /sandbox/reconcile", "runs a reconciliation pass of both centers now", "reconciliation"),
            entry("POST /sandbox/card/faults", "injects faults or latency into the card acquirer",
                    "sandbox-api-for-the-card-acquirer"),
            entry("GET /sandbox/card/authorizations/{reference}", "shows the card acquirer's record of an operation",
                    "sandbox-api-for-the-card-acquirer"),
            entry("POST /sandbox/card/reconcile", "runs a reconciliation pass now (credit included)",
                    "sandbox-api-for-the-card-acquirer"),
            entry("POST /sandbox/tds2/cards", "sets a card range's 3-D Secure behaviour", "sandbox-api-for-3-d-secure"),
            entry("POST /sandbox/tds2/faults", "injects faults into the 3DS server", "sandbox-api-for-3-d-secure"),
            entry("GET /sandbox/tds2/transactions/{serverTransId}", "shows a 3DS server transaction",
                    "sandbox-api-for-3-d-secure"),
            entry("POST /sandbox/tds2/expire", "runs the 3-D Secure expiry sweep now", "sandbox-api-for-3-d-secure"),
            entry("POST /sandbox/tds2/recover", "runs the 3-D Secure recovery job now", "sandbox-api-for-3-d-secure"));

    private static Map.Entry<String, Description> entry(String endpoint, String text, String anchor) {
        return Map.entry(endpoint, new Description(text, anchor));
    }

    private final RequestMappingHandlerMapping mappings;

    SandboxIndexController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @GetMapping(path = {PREFIX, PREFIX + "/"}, produces = SandboxController.JSON)
    Map<String, Object> index() {
        var index = new LinkedHashMap<String, Object>();
        index.put("description", "Kessai's sandbox API: test cards, injected faults, the clock and other test controls."
                + " No authentication: it is served only in sandbox mode.");
        index.put("docs", DOCS + "#sandbox-api");
        index.put("endpoints", endpoints());
        return index;
    }

    /** Every /sandbox mapping, by path then method, with its line (an endpoint without one says so). */
    List<Map<String, String>> endpoints() {
        var endpoints = new ArrayList<Map<String, String>>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/") || path.equals(PREFIX + "/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String key = method.name() + " " + path;
                    Description description = DESCRIPTIONS.get(key);
                    var endpoint = new LinkedHashMap<String, String>();
                    endpoint.put("method", method.name());
                    endpoint.put("path", path);
                    endpoint.put("description", description == null ? "" : description.text());
                    endpoint.put("docs", DOCS + "#" + (description == null ? "sandbox-api" : description.anchor()));
                    endpoints.add(endpoint);
                }
            }
        }
        endpoints.sort(Comparator.<Map<String, String>, String>comparing(e -> e.get("path")).thenComparing(e -> e.get("method")));
        return endpoints;
    }
}
