package jp.kessai.face.sandbox;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenError;
import jp.kessai.platform.time.KessaiClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * MP tokens without a browser (only with {@code kessai.sandbox.enabled=true}): {@code POST /sandbox/mp-tokens}
 * issues tokens to a TEST-mode shop for a test card sent in clear, so that a merchant's server-side test (or a
 * documentation example) can charge {@code tokenizedCard} {@code MP_TOKEN} without running {@code mp-token.js}. The
 * card is checked, and the tokens made and stored, by the core's token capability exactly as for
 * {@code /payment/CreateToken.json} ({@link CardTokens#issueTestCard}); the answer has the members of that endpoint's
 * success. Errors are the sandbox's {@code {"error":"…"}}; a card error names the field and the tokenizer's code.
 * Nothing of the body is logged.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class MpTokenSandboxController {

    static final String PATH = "/sandbox/mp-tokens";
    /** As {@code /payment/CreateToken.json}: {@code tokenExpiryDate} is JST, {@code yyyy-MM-dd-HH-mm-ss}. */
    static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(KessaiClock.JST);
    private static final List<String> MEMBERS = List.of("shopId", "cardNumber", "expiryMonth", "expiryYear",
            "securityCode", "cardholderName", "tokenNumber");

    private final ShopDirectory shops;
    private final CardTokens tokens;

    MpTokenSandboxController(ShopDirectory shops, CardTokens tokens) {
        this.shops = shops;
        this.tokens = tokens;
    }

    @PostMapping(path = PATH, consumes = "application/json")
    ResponseEntity<Map<String, Object>> issue(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            return error(HttpStatus.BAD_REQUEST, SandboxErrors.NOT_JSON);
        }
        for (String member : MEMBERS) {
            JsonNode value = body.get(member);
            if (value != null && !value.isNull() && !value.isString() && !value.isIntegralNumber()) {
                return error(HttpStatus.BAD_REQUEST, member + ": a string");
            }
        }
        String shopId = text(body, "shopId");
        if (shopId == null || !Shop.SHOP_ID_FORMAT.matcher(shopId).matches()) {
            return error(HttpStatus.BAD_REQUEST, "shopId: 1-13 half-width alphanumerics");
        }
        Shop shop = shops.findByShopId(shopId).orElse(null);
        if (shop == null) {
            return error(HttpStatus.NOT_FOUND, "no such shop");
        }
        if (shop.mode() != ShopMode.TEST) {
            return error(HttpStatus.BAD_REQUEST, "shopId: sandbox tokens are for TEST-mode shops only");
        }
        var issuance = tokens.issueTestCard(shop, text(body, "cardNumber"), text(body, "expiryMonth"),
                text(body, "expiryYear"), text(body, "securityCode"), text(body, "cardholderName"),
                text(body, "tokenNumber"));
        return switch (issuance) {
            case CardTokens.Issuance.Refused refused -> error(HttpStatus.BAD_REQUEST, describe(refused.errors()));
            case CardTokens.Issuance.Issued issued -> ResponseEntity.status(HttpStatus.CREATED).body(view(issued));
        };
    }

    /** The members of {@code /payment/CreateToken.json}'s success, in its order. */
    private static Map<String, Object> view(CardTokens.Issuance.Issued issued) {
        var view = new LinkedHashMap<String, Object>();
        view.put("result", "success");
        view.put("maskedCardNumber", issued.maskedCardNumber());
        view.put("tokenExpiryDate", EXPIRY.format(issued.expiresAt()));
        view.put("isSecurityCodeSet", issued.securityCodeSet());
        view.put("tokenList", issued.tokens());
        return view;
    }

    /** e.g. {@code card.cardNumber: The card number must have 10 to 16 digits. (102)}; several joined by "; ". */
    private static String describe(List<TokenError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.detail() + " (" + e.legacyCode() + ")")
                .collect(Collectors.joining("; "));
    }

    /** A string member, or an integer's digits; null when absent, null or "". */
    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text.isEmpty() ? null : text;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
