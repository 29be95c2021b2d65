package jp.kessai.face.openapi;

import jp.kessai.platform.db.DatabaseUnavailable;
import jp.kessai.platform.logging.RequestLog;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.metrics.Counters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kessai.core.shop.Shop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI type's front door. Every request under its paths goes through the same steps, each answering with
 * the catalogue's problem when it refuses: known endpoint (404) → POST (405) → Content-Type (415) → authentication
 * and IP allowlist (401) → concurrency slot (429) → body (400) → X-MP-Version → Idempotency-Key (replay, 409, 400)
 * → the endpoint. Requests are read raw and answered by hand, so no framework error page or stack trace can leak.
 */
@RestController
class OpenApiController {

    private static final Logger log = LoggerFactory.getLogger(OpenApiController.class);
    /** Largest accepted request body; the biggest legitimate charge request is well under 16 KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 36;
    static final String TOKEN_PATH = "/token";

    private final Map<String, OpenApiOperation> operations;
    private final ShopAuthenticator authenticator;
    private final ConcurrencyLimiter limiter;
    private final IdempotencyKeys idempotency;
    private final TokenEndpoint tokenEndpoint;
    private final OpenApiJson json;
    private final Counters counters;
    private final RequestFingerprints fingerprints;

    OpenApiController(List<OpenApiOperation> operations, ShopAuthenticator authenticator, ConcurrencyLimiter limiter,
            IdempotencyKeys idempotency, TokenEndpoint tokenEndpoint, OpenApiJson json, Counters counters,
            RequestFingerprints fingerprints) {
        this.operations = operations.stream().collect(Collectors.toUnmodifiableMap(OpenApiOperation::path, Function.identity()));
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.idempotency = idempotency;
        this.tokenEndpoint = tokenEndpoint;
        this.json = json;
        this.counters = counters;
        this.fingerprints = fingerprints;
    }

    /** Every method is mapped explicitly, so that OPTIONS and HEAD also get the catalogue's 405, not Spring's answer. */
    @RequestMapping(path = {"/token", "/credit/**", "/tds2/**", "/wallet/**", "/cash/**", "/order/**", "/member/**",
            "/verification/**"}, method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void handle(HttpServletRequest http, HttpServletResponse out) throws IOException {
        String path = http.getRequestURI().substring(http.getContextPath().length());
        Reply reply;
        try {
            reply = route(path, http);
        } catch (RuntimeException e) {
            // class names and the throwing frame only: a message or a cause's message can carry request values
            if (DatabaseUnavailable.causedBy(e)) {
                log.warn("openapi {}: the database is unavailable: {}", path, ExceptionSummary.of(e));
                reply = json.problem(Problem.serviceUnavailable(), path);
            } else {
                log.error("openapi {} failed unexpectedly: {}", path, ExceptionSummary.of(e));
                reply = json.problem(Problem.internalError(), path);
            }
        }
        String endpoint = operations.containsKey(path) || TOKEN_PATH.equals(path) ? path : "unknown";
        counters.increment("kessai.openapi.requests", "endpoint", endpoint, "status", Integer.toString(reply.status()));
        logResult(http, endpoint, reply);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        out.setStatus(reply.status());
        out.setContentType(reply.problem() ? "application/problem+json" : "application/json");
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }

    private Reply route(String path, HttpServletRequest http) {
        boolean token = TOKEN_PATH.equals(path);
        OpenApiOperation operation = operations.get(path);
        if (!token && operation == null) {
            return json.problem(new Problem(ProblemTitle.RESOURCE_NOT_FOUND, "The requested resource was not found."), path);
        }
        if (!"POST".equals(http.getMethod())) {
            return json.problem(new Problem(ProblemTitle.METHOD_NOT_ALLOWED, "The HTTP method is not allowed."), path);
        }
        MediaType expected = token ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON;
        if (!contentTypeIs(http.getContentType(), expected)) {
            return json.problem(new Problem(ProblemTitle.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type must be " + expected.getType() + "/" + expected.getSubtype() + "."), path);
        }
        Shop shop = authenticator.authenticate(http.getHeader("Authorization"), path, token).orElse(null);
        if (shop == null || !ShopAuthenticator.allowed(shop, path, http.getRemoteAddr())) {
            return json.problem(Problem.unauthorized(), path);
        }
        RequestLog.of(http).shop(shop.shopId());
        Optional<ConcurrencyLimiter.Slot> slot = limiter.acquire(shop, path);
        if (slot.isEmpty()) {
            return json.problem(Problem.tooManyRequests(), path);
        }
        try {
            byte[] body = readBody(http);
            if (body == null) {
                return json.problem(new Problem(ProblemTitle.INVALID_REQUEST, "The request body is too large."), path);
            }
            return token ? tokenEndpoint.handle(shop, body) : dispatch(operation, shop, path, body, http);
        } finally {
            limiter.release(slot.get());
        }
    }

    private Reply dispatch(OpenApiOperation operation, Shop shop, String path, byte[] raw, HttpServletRequest http) {
        JsonNode body;
        try {
            body = json.parse(raw);
        } catch (JacksonException e) {
            return json.problem(new Problem(ProblemTitle.INVALID_PARAMETER, "The request body is not valid JSON."), path);
        }
        if (body == null || !body.isObject()) {
            return json.problem(new Problem(ProblemTitle.INVALID_PARAMETER, "The request body must be a JSON object."), path);
        }
        RequestLog.of(http).order(orderOf(body));
        var call = new OpenApiCall(shop, path, body, ApiVersions.resolve(http.getHeader("X-MP-Version")));
        String key = http.getHeader("Idempotency-Key");
        if (!operation.idempotent() || key == null || key.isEmpty()) {
            return operation.handle(call);
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !IdempotencyKeyText.acceptable(key)) {
            return json.problem(new Problem(ProblemTitle.INVALID_HEADER, Problem.INVALID_VALUE + "(Idempotency-Key)"), path);
        }
        byte[] hash = fingerprints.of(body);
        if (!idempotency.exists(shop.id(), key)) {
            // the usual case: a new key, written by the core's claim and finish (no commit of its own)
            var fresh = idempotency.fresh(shop.id(), key, path, hash);
            Reply reply = owned(fresh, () -> operation.handle(call.with(fresh)));
            if (!fresh.refused() && (fresh.recorded() || !idempotency.exists(shop.id(), key))) {
                return reply;
            }
            // Another request took the key between the check and the claim: either this one lost the key's insert
            // (refused), or the core refused it before its claim because that other request had already made the
            // order (the reliability battery: a retry racing the first request was told "order ID already used" for
            // its own order). Either way this is a repeat of that request: answered as one below.
        }
        var claim = idempotency.claim(shop.id(), key, path, hash);
        var owned = idempotency.owned(shop.id(), key, path, hash);
        return switch (claim) {
            case IdempotencyKeys.Replay replay -> Reply.json(replay.status(), replay.body());
            case IdempotencyKeys.InFlight inFlight -> json.problem(Problem.conflict(), path);
            case IdempotencyKeys.Mismatch mismatch -> json.problem(new Problem(ProblemTitle.INVALID_HEADER,
                    "The Idempotency-Key was already used for a different request.(Idempotency-Key)"), path);
            case IdempotencyKeys.Proceed proceed -> owned(owned, () -> operation.handle(call.with(owned)));
            case IdempotencyKeys.Resume resume -> owned(owned, () -> operation.resume(call.with(owned), resume.accessId()));
        };
    }

    /**
     * Runs the request that owns (or may take) the key, and records its answer unless the pipeline's finish already
     * did; an unexpected failure releases the key so that the retry resumes (looks at the transaction first).
     */
    private Reply owned(IdempotentRequest request, java.util.function.Supplier<Reply> work) {
        Reply reply;
        try {
            reply = work.get();
        } catch (RuntimeException e) {
            if (request.recorded()) {
                releaseQuietly(request);
            }
            throw e;
        }
        if (request.recorded() && !request.completed()) {
            idempotency.complete(request.shopPk(), request.key(), reply);
        }
        return reply;
    }

    /** The key's release may fail too (the database is gone): the lease then runs out by itself. */
    private void releaseQuietly(IdempotentRequest request) {
        try {
            idempotency.release(request.shopPk(), request.key());
        } catch (RuntimeException releaseFailed) {
            log.debug("Idempotency-Key not released: {}", ExceptionSummary.of(releaseFailed));
        }
    }

    private static final java.util.regex.Pattern ANSWERED_ORDER_ID =
            java.util.regex.Pattern.compile("\"orderId\":\"([A-Za-z0-9_-]{1,27})\"");
    private static final java.util.regex.Pattern PROBLEM_TITLE = java.util.regex.Pattern.compile("\"title\":\"([a-z_]{1,40})\"");

    /** The order a request names: {@code order.orderId} (a charge), else its {@code accessId} (an order operation). */
    private static String orderOf(JsonNode body) {
        JsonNode orderId = body.path("order").path("orderId");
        if (orderId.isString()) {
            return orderId.stringValue();
        }
        JsonNode accessId = body.path("accessId");
        return accessId.isString() ? "accessId:" + accessId.stringValue() : null;
    }

    /** The request log's result: the status and the problem's title, or the order id a success answers. */
    private static void logResult(HttpServletRequest http, String endpoint, Reply reply) {
        var entry = RequestLog.of(http).face("openapi").endpoint(endpoint);
        if (reply.problem()) {
            java.util.regex.Matcher title = PROBLEM_TITLE.matcher(reply.body());
            String name = title.find() ? title.group(1) : "problem";
            entry.result(name, ProblemTitle.ofTitle(name).map(t -> t.meaning).orElse("error"));
            return;
        }
        java.util.regex.Matcher orderId = ANSWERED_ORDER_ID.matcher(reply.body());
        if (orderId.find()) {
            entry.order(orderId.group(1));
        }
        entry.result("ok", "OK");
    }

    private static boolean contentTypeIs(String header, MediaType expected) {
        if (header == null) {
            return false;
        }
        try {
            MediaType given = MediaType.parseMediaType(header);
            return given.getType().equalsIgnoreCase(expected.getType())
                    && given.getSubtype().equalsIgnoreCase(expected.getSubtype());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static byte[] readBody(HttpServletRequest http) {
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
