package jp.kessai.face.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kessai.core.order.AttemptReconciler;
import jp.kessai.processor.card.simulator.CardAcquirerSimulator;
import jp.kessai.processor.card.simulator.CardFault;
import jp.kessai.platform.text.StorableText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox control of the card acquirer simulator (only with {@code kessai.sandbox.enabled=true}): inject latency or
 * the next failures, look at an authorisation, and run a credit reconciliation pass now.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class CardSandboxController {

    private final CardAcquirerSimulator acquirer;
    private final AttemptReconciler reconciler;

    CardSandboxController(CardAcquirerSimulator acquirer, AttemptReconciler reconciler) {
        this.acquirer = acquirer;
        this.reconciler = reconciler;
    }

    record FaultBody(String fault, Integer count, Long latencyMillis) {}

    /**
     * {@code {"fault":"CARD_DECLINED","count":1}} and/or {@code {"latencyMillis":2000}}; {@code {"fault":"NONE"}}
     * clears faults and latency. Faults: CARD_DECLINED, INSUFFICIENT_BALANCE, AMOUNT_LIMIT_EXCEEDED,
     * PROCESSING_FAILURE, BAD_GATEWAY, MAINTENANCE, DROP_REQUEST, LOSE_ANSWER, THROW.
     */
    @PostMapping(path = "/sandbox/card/faults", consumes = SandboxController.JSON)
    Map<String, Object> faults(@RequestBody FaultBody body) {
        if ("NONE".equals(body.fault())) {
            acquirer.clearFaults();
        } else if (body.fault() != null) {
            CardFault fault;
            try {
                fault = CardFault.valueOf(body.fault());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("fault: one of " + java.util.Arrays.toString(CardFault.values()) + " or NONE");
            }
            acquirer.injectFault(fault, body.count() == null ? 1 : Math.max(1, Math.min(body.count(), 1000)));
        }
        if (body.latencyMillis() != null) {
            acquirer.setLatencyMillis(Math.min(body.latencyMillis(), 600_000));
        }
        return Map.of("ok", true);
    }

    /** The simulator's record of an authorisation (by any operation reference on it); last four digits only. */
    @GetMapping("/sandbox/card/authorizations/{reference}")
    ResponseEntity<Map<String, Object>> authorization(@PathVariable String reference) {
        var found = StorableText.storable(reference) ? acquirer.findAuthorization(reference)
                : java.util.Optional.<CardAcquirerSimulator.SimulatedAuthorization>empty();
        return found.map(a -> {
            var view = new LinkedHashMap<String, Object>();
            view.put("authorizationRef", a.authRef());
            view.put("cardLast4", a.last4());
            view.put("brand", a.brand().name());
            view.put("amount", a.amountYen());
            view.put("captured", a.captured());
            view.put("voided", a.voided());
            return ResponseEntity.ok((Map<String, Object>) view);
        }).orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no such authorization")));
    }

    @PostMapping("/sandbox/card/reconcile")
    Map<String, Object> reconcile() {
        return Map.of("settled", reconciler.reconcile());
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
