package jp.kessai.face.openapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import jp.kessai.core.threeds.AllowAttempt;
import jp.kessai.core.threeds.CallbackReason;
import jp.kessai.core.threeds.ThreeDsPaths;
import jp.kessai.core.threeds.ThreeDsRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI type's 3-D Secure vocabulary (seed 003 リダイレクトとコールバック, Tds2Options): the request's options and
 * callback, the 202 body with redirectInformation, and the callback's {@code p} (Base64URL of {accessId, event,
 * csrfToken}) with the seed's event names. The core knows none of these names.
 */
@Component
class Tds2Wire {

    static final String OPTIONS = "tds2Information.tds2Options";

    private final OpenApiJson json;
    private final String configuredBase;

    Tds2Wire(OpenApiJson json, jp.kessai.platform.KessaiProperties properties) {
        this.json = json;
        String base = properties == null ? null : properties.publicBaseUrl();
        this.configuredBase = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    /** useTds2 defaults to true (CreditChargeOptions). */
    static boolean useTds2(JsonNode options) {
        JsonNode value = options == null ? null : options.get("useTds2");
        return SchemaValidator.absent(value) || value.booleanValue();
    }

    /**
     * The checks beyond the schema when 3-D Secure is asked for: the callback URL is required (a redirect follows)
     * and must be an absolute http(s) URL with a host. When it is not asked for, allowAttempt NOT_ALLOW is refused:
     * the spec says a transaction without 3-D Secure is then an error.
     */
    static Optional<Problem> validate(JsonNode body, boolean useTds2) {
        String allowAttempt = CreditChargeEndpoint.text(options(body), "allowAttempt");
        if (!useTds2) {
            return "NOT_ALLOW".equals(allowAttempt)
                    ? Optional.of(new Problem(ProblemTitle.INVALID_REQUEST, Problem.INVALID_VALUE + "(" + OPTIONS + ".allowAttempt)"))
                    : Optional.empty();
        }
        String callbackUrl = CreditChargeEndpoint.text(body.get("merchant"), "callbackUrl");
        if (callbackUrl == null) {
            return Optional.of(Problem.missing("merchant.callbackUrl"));
        }
        if (!httpUrl(callbackUrl)) {
            return Optional.of(Problem.invalid("merchant.callbackUrl"));
        }
        return Optional.empty();
    }

    static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static ThreeDsRequest request(JsonNode body) {
        JsonNode options = options(body);
        JsonNode merchant = body.get("merchant");
        JsonNode payer = body.get("payer");
        String allow = CreditChargeEndpoint.text(options, "allowAttempt");
        return new ThreeDsRequest(flag(options, "skipNotEnrolledCard", false),
                allow == null ? AllowAttempt.FOLLOW : AllowAttempt.valueOf(allow),
                flag(options, "requiresChallenge", false), flag(options, "autoAuthorization", true),
                CreditChargeEndpoint.text(merchant, "callbackUrl"), CreditChargeEndpoint.text(merchant, "csrfToken"),
                CreditChargeEndpoint.text(payer, "email"), phone(payer));
    }

    /** The base URL customers' browsers reach Kessai at: kessai.public-base-url, else this request's. */
    String base() {
        if (configuredBase != null) {
            return configuredBase;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
    }

    /** The 202 body: CreditChargeTds2Response / CreditVerifyCardTds2Response. */
    ObjectNode redirectBody(ObjectNode orderReference, String base, String token) {
        ObjectNode node = json.object();
        node.put("nextAction", "REDIRECT");
        node.set("orderReference", orderReference);
        ObjectNode redirect = json.object();
        redirect.put("redirectUrl", base + ThreeDsPaths.start(token));
        redirect.put("httpMethod", "GET");
        redirect.put("redirectType", "TDS2");
        node.set("redirectInformation", redirect);
        return node;
    }

    /** Tds2Result, members in the spec's order. */
    ObjectNode tds2Result(jp.kessai.core.threeds.ThreeDsResult result) {
        ObjectNode node = json.object();
        OpenApiJson.put(node, "eci", result.eci());
        node.put("requiresChallenge", result.requiresChallenge());
        OpenApiJson.put(node, "tds2TransResult", result.transStatus());
        OpenApiJson.put(node, "tds2TransResultReason", result.transStatusReason());
        return node;
    }

    static String event(CallbackReason reason) {
        return switch (reason) {
            case CHARGE_FINISHED -> "TDS_CHARGE_FINISHED";
            case VERIFICATION_FINISHED -> "TDS_VERIFICATION_FINISHED";
            case AUTHENTICATION_FINISHED -> "TDS_FINISHED";
        };
    }

    /**
     * The merchant's callback URL with {@code p}: Base64URL (with padding, as the seed's example) of the JSON
     * {accessId, event, csrfToken}; csrfToken is left out when the merchant sent none. A fragment stays last.
     */
    String callbackLocation(String callbackUrl, String accessId, CallbackReason reason, String csrfToken) {
        ObjectNode p = json.object();
        p.put("accessId", accessId);
        p.put("event", event(reason));
        if (csrfToken != null) {
            p.put("csrfToken", csrfToken);
        }
        String encoded = Base64.getUrlEncoder().encodeToString(json.write(p).getBytes(StandardCharsets.UTF_8));
        int hash = callbackUrl.indexOf('#');
        String url = hash < 0 ? callbackUrl : callbackUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : callbackUrl.substring(hash);
        return url + (url.contains("?") ? "&" : "?") + "p=" + encoded + fragment;
    }

    private static JsonNode options(JsonNode body) {
        JsonNode information = body.get("tds2Information");
        return SchemaValidator.absent(information) ? null : information.get("tds2Options");
    }

    private static boolean flag(JsonNode node, String name, boolean fallback) {
        JsonNode value = node == null ? null : node.get(name);
        return SchemaValidator.absent(value) ? fallback : value.booleanValue();
    }

    private static String phone(JsonNode payer) {
        JsonNode phones = payer == null ? null : payer.get("phones");
        if (SchemaValidator.absent(phones) || !phones.isArray() || phones.isEmpty()) {
            return null;
        }
        return CreditChargeEndpoint.text(phones.get(0), "number");
    }
}
