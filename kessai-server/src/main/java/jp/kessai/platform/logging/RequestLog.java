package jp.kessai.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kessai.platform.web.WireFace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One INFO line per request on every face (issue 12), written in this one place:
 * {@code face=idpass endpoint=ExecTranJcbPreca shop=tshop00000001 order=ord-1 result=JP1000001 meaning="…"
 * status=200 duration=12ms}. The filter times the request and fills what every request has (the face by its path, the
 * endpoint as the mapping's pattern, never the raw path, the HTTP status and its reason phrase); a face adds what only
 * it knows (shop, order id, its own result code and meaning) through {@link #of(HttpServletRequest)}.
 *
 * <p>Nothing else reaches the line: no body, no query string, no header (so no card number, security code, password,
 * token or Authorization value). The values a face gives are identifiers; they are cut to {@value #MAX_VALUE_CHARS}
 * printable characters, and a run of 13-19 digits that passes the card-number check digit is masked to its last four.
 * The logger is {@value #LOGGER}, so that it can be turned off or routed on its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLog extends OncePerRequestFilter {

    public static final String LOGGER = "jp.kessai.request";
    static final int MAX_VALUE_CHARS = 64;
    private static final String ATTRIBUTE = RequestLog.class.getName() + ".entry";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{13,19}");
    private static final Pattern NOT_AN_IDENTIFIER_CHARACTER = Pattern.compile("[^\\x21-\\x7e]|\"");
    private static final Pattern NOT_A_TEXT_CHARACTER = Pattern.compile("[\\p{Cntrl}\"\\\\]");
    /** What is not a face: health checks and metrics scrapes would drown the log. */
    private static final String ACTUATOR_PREFIX = "/actuator";

    /** What a face tells the log about its request; every setter ignores {@code null}. */
    public static final class Entry {
        private String face;
        private String endpoint;
        private String shop;
        private String order;
        private String result;
        private String meaning;

        public Entry face(String face) {
            this.face = face == null ? this.face : face;
            return this;
        }

        public Entry endpoint(String endpoint) {
            this.endpoint = endpoint == null ? this.endpoint : endpoint;
            return this;
        }

        public Entry shop(String shop) {
            this.shop = shop == null || shop.isEmpty() ? this.shop : shop;
            return this;
        }

        public Entry order(String order) {
            this.order = order == null || order.isEmpty() ? this.order : order;
            return this;
        }

        /** The face's result code and a short text saying what it means. */
        public Entry result(String result, String meaning) {
            this.result = result == null ? this.result : result;
            this.meaning = meaning == null ? this.meaning : meaning;
            return this;
        }
    }

    /** The entry of the request being served (a detached one outside a logged request, so callers never check). */
    public static Entry of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Entry entry ? entry : new Entry();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && (path.equals(ACTUATOR_PREFIX) || path.startsWith(ACTUATOR_PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        Entry entry = new Entry();
        request.setAttribute(ATTRIBUTE, entry);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (log.isInfoEnabled()) {
                int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
                log.info(line(entry, request, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            }
        }
    }

    static String line(Entry entry, HttpServletRequest request, int status, long millis) {
        String face = entry.face != null ? entry.face : face(request.getRequestURI());
        String endpoint = entry.endpoint != null ? entry.endpoint
                : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                        ? pattern : "unmatched";
        String shop = entry.shop;
        if (shop == null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && vars.get("shopId") instanceof String shopId) {
            shop = shopId;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String result = entry.result != null ? entry.result : Integer.toString(status);
        String meaning = entry.meaning != null ? entry.meaning : known == null ? "" : known.getReasonPhrase();
        return "face=" + safe(face) + " endpoint=" + safe(endpoint) + " shop=" + safe(shop) + " order=" + safe(entry.order)
                + " result=" + safe(result) + " meaning=\"" + text(meaning) + "\" status=" + status + " duration=" + millis + "ms";
    }

    /** The face by the request path: the wire faces, the tokenizer, and the simulators' pages named on their own. */
    static String face(String rawPath) {
        String path = WireFace.normalise(rawPath);
        if (path.startsWith("/simulator/netcash/")) {
            return "netcash-simulator";
        }
        if (path.startsWith("/simulator/acs/")) {
            return "acs-simulator";
        }
        if (path.equals("/payment/CreateToken.json") || path.startsWith("/payment/js/")) {
            return "mptoken";
        }
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            return "admin";
        }
        return WireFace.of(rawPath).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An identifier for the line: printable ASCII without quotes or spaces, bounded, card-like digit runs masked. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        String cut = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value;
        return maskCardNumbers(NOT_AN_IDENTIFIER_CHARACTER.matcher(cut).replaceAll("?"));
    }

    /** A short text for the line: printable, no quotes, bounded. */
    static String text(String value) {
        String cut = value.length() > 2 * MAX_VALUE_CHARS ? value.substring(0, 2 * MAX_VALUE_CHARS) : value;
        return maskCardNumbers(NOT_A_TEXT_CHARACTER.matcher(cut).replaceAll("?"));
    }

    static String maskCardNumbers(String value) {
        Matcher digits = DIGIT_RUN.matcher(value);
        StringBuilder out = new StringBuilder();
        while (digits.find()) {
            String run = digits.group();
            digits.appendReplacement(out, luhn(run) ? "*".repeat(run.length() - 4) + run.substring(run.length() - 4) : run);
        }
        digits.appendTail(out);
        return out.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}
