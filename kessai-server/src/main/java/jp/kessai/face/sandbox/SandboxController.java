package jp.kessai.face.sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kessai.core.order.AttemptReconciler;
import jp.kessai.platform.time.KessaiClock;
import jp.kessai.processor.jcbpreca.simulator.PrecaCard;
import jp.kessai.processor.jcbpreca.simulator.PrecaCenterSimulator;
import jp.kessai.processor.jcbpreca.simulator.SimulatorFault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox control API (only with {@code kessai.sandbox.enabled=true}; absent — 404 — otherwise): simulator cards,
 * injected faults and latency, the node's clock, and an immediate reconciliation pass.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class SandboxController {

    /**
     * What the sandbox's POST bodies are. Declared on every mapping with a body, so that another Content-Type is a 415
     * before anything reads the body: with a form Content-Type, reading it would have Tomcat parse form parameters,
     * and a broken form ("=") then escaped as an exception with a stack trace in the log.
     */
    static final String JSON = "application/json";

    private static final Pattern CARD_NO = Pattern.compile("[0-9]{1,32}");
    private static final Pattern APPROVAL_NO = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Pattern CARD_TYPE = Pattern.compile("[0-9A-Za-z]{1,4}");

    private final PrecaCenterSimulator center;
    private final KessaiClock clock;
    private final AttemptReconciler reconciler;
    private final Duration maxLatency;

    SandboxController(PrecaCenterSimulator center, KessaiClock clock, AttemptReconciler reconciler,
            jp.kessai.platform.KessaiProperties properties) {
        this.center = center;
        this.clock = clock;
        this.reconciler = reconciler;
        this.maxLatency = properties.centers().timeout().plusSeconds(20);
    }

    record CardBody(String cardNo, String approvalNo, Long balance, Integer activateStatus, Integer termStatus,
            Integer invalidStatus, Integer webInquiryStatus, String validLimit, String cardTypeCode) {}

    @PostMapping(path = "/sandbox/jcb-preca/cards", consumes = JSON)
    ResponseEntity<Map<String, Object>> saveCard(@RequestBody CardBody body) {
        require(body.cardNo() != null && CARD_NO.matcher(body.cardNo()).matches(), "cardNo: 1-32 digits");
        require(body.approvalNo() != null && APPROVAL_NO.matcher(body.approvalNo()).matches(), "approvalNo: 1-16 alphanumerics");
        require(body.balance() != null && body.balance() >= 0, "balance: a non-negative number of yen");
        PrecaCard defaults = PrecaCard.withDefaults(body.cardNo(), body.approvalNo(), body.balance());
        var card = new PrecaCard(body.cardNo(), body.approvalNo(), body.balance(),
                status(body.activateStatus(), defaults.activateStatus(), 1, "activateStatus"),
                status(body.termStatus(), defaults.termStatus(), 2, "termStatus"),
                status(body.invalidStatus(), defaults.invalidStatus(), 1, "invalidStatus"),
                status(body.webInquiryStatus(), defaults.webInquiryStatus(), 1, "webInquiryStatus"),
                body.validLimit() == null ? defaults.validLimit() : parseYmd(body.validLimit()),
                body.cardTypeCode() == null ? defaults.cardTypeCode() : checked(body.cardTypeCode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(center.saveCard(card)));
    }

    @GetMapping("/sandbox/jcb-preca/cards/{cardNo}")
    ResponseEntity<Map<String, Object>> card(@PathVariable String cardNo) {
        var found = CARD_NO.matcher(cardNo).matches() ? center.findCard(cardNo) : java.util.Optional.<PrecaCard>empty();
        return found.map(c -> ResponseEntity.ok(view(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such card")));
    }

    record FaultBody(String fault, Integer count, Long latencyMillis) {}

    /** {@code {"fault":"LOSE_ANSWER","count":1}} and/or {@code {"latencyMillis":2000}}; {@code {"fault":"NONE"}} clears. */
    @PostMapping(path = "/sandbox/jcb-preca/faults", consumes = JSON)
    Map<String, Object> faults(@RequestBody FaultBody body) {
        if ("NONE".equals(body.fault())) {
            center.clearFaults();
        } else if (body.fault() != null) {
            SimulatorFault fault;
            try {
                fault = SimulatorFault.valueOf(body.fault());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("fault: one of " + java.util.Arrays.toString(SimulatorFault.values()) + " or NONE");
            }
            center.injectFault(fault, body.count() == null ? 1 : Math.max(1, Math.min(body.count(), 1000)));
        }
        if (body.latencyMillis() != null) {
            // never beyond the reconciler's grace period: a call landing after the order was settled as failed
            // would take money the order does not show
            center.setLatencyMillis(Math.min(body.latencyMillis(), maxLatency.toMillis()));
        }
        return Map.of("ok", true);
    }

    record ClockBody(Long advanceSeconds) {}

    @PostMapping(path = "/sandbox/clock/advance", consumes = JSON)
    Map<String, Object> advance(@RequestBody ClockBody body) {
        require(body.advanceSeconds() != null && body.advanceSeconds() >= 0, "advanceSeconds: a non-negative number");
        Duration offset = clock.advance(Duration.ofSeconds(body.advanceSeconds()));
        return clockView(offset);
    }

    @GetMapping("/sandbox/clock")
    Map<String, Object> clock() {
        return clockView(clock.offset());
    }

    /** In the documented order, offsetSeconds then now (Map.of iterates in an order that changes between runs). */
    private Map<String, Object> clockView(Duration offset) {
        var view = new LinkedHashMap<String, Object>();
        view.put("offsetSeconds", offset.toSeconds());
        view.put("now", clock.instant().toString());
        return view;
    }

    @PostMapping("/sandbox/reconcile")
    Map<String, Object> reconcile() {
        return Map.of("settled", reconciler.reconcile());
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private static Map<String, Object> view(PrecaCard card) {
        var view = new LinkedHashMap<String, Object>();
        view.put("cardNo", card.cardNo()); // sandbox test cards: shown so tests can check them
        view.put("approvalNo", card.approvalNo());
        view.put("balance", card.balanceYen());
        view.put("activateStatus", card.activateStatus());
        view.put("termStatus", card.termStatus());
        view.put("invalidStatus", card.invalidStatus());
        view.put("webInquiryStatus", card.webInquiryStatus());
        view.put("validLimit", card.validLimit().format(DateTimeFormatter.BASIC_ISO_DATE));
        view.put("cardTypeCode", card.cardTypeCode());
        return view;
    }

    private static int status(Integer given, int fallback, int max, String name) {
        if (given == null) {
            return fallback;
        }
        require(given >= 0 && given <= max, name + ": 0.." + max);
        return given;
    }

    private static LocalDate parseYmd(String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new BadRequest("validLimit: yyyyMMdd");
        }
    }

    private static String checked(String cardTypeCode) {
        require(CARD_TYPE.matcher(cardTypeCode).matches(), "cardTypeCode: up to 4 alphanumerics");
        return cardTypeCode;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadRequest(message);
        }
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

}
