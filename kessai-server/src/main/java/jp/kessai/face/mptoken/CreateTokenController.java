package jp.kessai.face.mptoken;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenError;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.metrics.Counters;
import jp.kessai.platform.time.KessaiClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tokenizer's token endpoint, {@code POST /payment/CreateToken.json}: the path GMO-PG's token server answers on
 * (its own host, {@code [stg.]token.mul-pay.jp}), so that browsers and server-side callers can be pointed at Kessai
 * by host mapping. Body {@code {"encryptionParameters":{"type":"UNIQUE_PK","apiKey":…},"encryptedData":…,
 * "createCount":"1"}}; answer {@code {"result":"success","maskedCardNumber","tokenExpiryDate","isSecurityCodeSet",
 * "tokenList"}} or {@code {"result":"validation_error","errorList":[{"title","field","detail","legacyCode"}]}}.
 *
 * <p>Merchant pages call it across origins (the script comes from Kessai, the page from the merchant), so it answers
 * CORS for any origin: the API key is public and the card data arrives encrypted for the shop. It sets no cookie and
 * reads none. The request body and its card data are never logged.
 */
@RestController
class CreateTokenController {

    static final String PATH = "/payment/CreateToken.json";
    /** The largest body a token request needs is ~1 KiB (a 2048-bit ciphertext in base64 plus the API key). */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** mp-token.js shows token expiry as {@code yyyy-MM-dd-HH-mm-ss} in JST (the legacy {@code toBeExpiredAt}). */
    static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(KessaiClock.JST);

    private static final Logger log = LoggerFactory.getLogger(CreateTokenController.class);

    private final CardTokens tokens;
    private final JsonMapper json;
    private final Counters counters;

    CreateTokenController(CardTokens tokens, JsonMapper json, Counters counters) {
        this.tokens = tokens;
        this.json = json;
        this.counters = counters;
    }

    /** Spring answers CORS preflights itself (before the handler runs): this is what it answers them with. */
    @CrossOrigin(origins = "*", methods = RequestMethod.POST, allowedHeaders = "Content-Type", maxAge = 600)
    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void handle(HttpServletRequest http, HttpServletResponse out) throws IOException {
        out.setHeader("Access-Control-Allow-Origin", "*");
        out.setHeader("Cache-Control", "no-store");
        if ("OPTIONS".equals(http.getMethod())) {
            out.setHeader("Access-Control-Allow-Methods", "POST");
            out.setHeader("Access-Control-Allow-Headers", "Content-Type");
            out.setHeader("Access-Control-Max-Age", "600");
            out.setStatus(204);
            return;
        }
        int status;
        ObjectNode body;
        if (!"POST".equals(http.getMethod())) {
            status = 405;
            body = errors(List.of(), "method_not_allowed");
        } else {
            try {
                var answer = answer(http);
                status = answer.status();
                body = answer.body();
            } catch (RuntimeException e) {
                log.error("{} failed unexpectedly: {}", PATH, ExceptionSummary.of(e));
                status = 500;
                body = system();
            }
        }
        counters.increment("kessai.mptoken.requests", "endpoint", PATH, "status", Integer.toString(status));
        byte[] bytes = json.writeValueAsBytes(body);
        out.setStatus(status);
        out.setContentType("application/json;charset=UTF-8");
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
    }

    private record Answer(int status, ObjectNode body) {}

    private Answer answer(HttpServletRequest http) {
        byte[] raw = read(http);
        JsonNode request;
        try {
            request = raw == null ? null : json.readTree(raw);
        } catch (JacksonException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return new Answer(400, errors(List.of(TokenError.ENCRYPTED_DATA_MISSING), "validation_error"));
        }
        JsonNode parameters = request.get("encryptionParameters");
        String type = text(parameters, "type");
        String apiKey = text(parameters, "apiKey");
        if (type != null && !"UNIQUE_PK".equals(type)) {
            return new Answer(400, errors(List.of(TokenError.API_KEY_UNKNOWN), "validation_error"));
        }
        var issuance = tokens.issue(apiKey, text(request, "encryptedData"), text(request, "createCount"));
        return switch (issuance) {
            case CardTokens.Issuance.Refused refused -> new Answer(400, errors(refused.errors(), "validation_error"));
            case CardTokens.Issuance.Issued issued -> new Answer(200, success(issued));
        };
    }

    private ObjectNode success(CardTokens.Issuance.Issued issued) {
        ObjectNode body = json.createObjectNode();
        body.put("result", "success");
        body.put("maskedCardNumber", issued.maskedCardNumber());
        body.put("tokenExpiryDate", EXPIRY.format(issued.expiresAt()));
        body.put("isSecurityCodeSet", issued.securityCodeSet());
        ArrayNode list = body.putArray("tokenList");
        issued.tokens().forEach(list::add);
        return body;
    }

    private ObjectNode errors(List<TokenError> errors, String result) {
        ObjectNode body = json.createObjectNode();
        body.put("result", result);
        ArrayNode list = body.putArray("errorList");
        for (TokenError error : errors) {
            ObjectNode item = list.addObject();
            item.put("title", "validation_error");
            item.put("field", error.field());
            item.put("detail", error.detail());
            item.put("legacyCode", error.legacyCode());
        }
        return body;
    }

    private ObjectNode system() {
        ObjectNode body = json.createObjectNode();
        body.put("result", "system_error");
        ObjectNode item = body.putArray("errorList").addObject();
        item.put("title", "system_error");
        item.put("detail", "An unexpected error has occurred.");
        item.put("legacyCode", "901");
        return body;
    }

    /** A string member, or its number as text; null when absent or of another type. */
    private static String text(JsonNode node, String name) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.asString();
        }
        return value.isString() ? value.stringValue() : null;
    }

    private static byte[] read(HttpServletRequest http) {
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        } catch (IOException e) {
            return null;
        }
    }
}
