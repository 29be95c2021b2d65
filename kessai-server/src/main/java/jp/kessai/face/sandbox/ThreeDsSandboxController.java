package jp.kessai.face.sandbox;

import java.util.Arrays;
import java.util.Map;
import jp.kessai.core.threeds.ThreeDsExpiry;
import jp.kessai.core.threeds.ThreeDsRecovery;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.threeds.simulator.ThreeDsFault;
import jp.kessai.processor.threeds.simulator.ThreeDsScenario;
import jp.kessai.processor.threeds.simulator.ThreeDsServerSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox control of the 3-D Secure server / ACS simulator (only with {@code kessai.sandbox.enabled=true}): give any
 * card number a scenario, inject the next failures or latency, look at a 3DS transaction, and run the expiry sweep
 * or the recovery pass now.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class ThreeDsSandboxController {

    private final ThreeDsServerSimulator simulator;
    private final ThreeDsExpiry expiry;
    private final ThreeDsRecovery recovery;

    ThreeDsSandboxController(ThreeDsServerSimulator simulator, ThreeDsExpiry expiry, ThreeDsRecovery recovery) {
        this.simulator = simulator;
        this.expiry = expiry;
        this.recovery = recovery;
    }

    record CardBody(String cardNumber, String scenario) {}

    record FaultBody(String fault, Integer count, Long latencyMillis) {}

    /** {@code {"cardNumber":"4…","scenario":"CHALLENGE"}}: that card gets the scenario from now on. */
    @PostMapping(path = "/sandbox/tds2/cards", consumes = SandboxController.JSON)
    ResponseEntity<Map<String, Object>> card(@RequestBody CardBody body) {
        if (body.cardNumber() == null || !body.cardNumber().matches("[0-9]{12,19}")) {
            throw new Invalid("cardNumber: 12 to 19 digits");
        }
        ThreeDsScenario scenario;
        try {
            scenario = ThreeDsScenario.valueOf(String.valueOf(body.scenario()));
        } catch (IllegalArgumentException e) {
            throw new Invalid("scenario: one of " + Arrays.toString(ThreeDsScenario.values()));
        }
        CardNumber pan = new CardNumber(body.cardNumber());
        simulator.assign(pan, scenario);
        return ResponseEntity.status(201).body(Map.of("card", pan.masked(), "scenario", scenario.name()));
    }

    /** {@code {"fault":"SERVER_UNAVAILABLE","count":1}} and/or {@code {"latencyMillis":500}}; NONE clears both. */
    @PostMapping(path = "/sandbox/tds2/faults", consumes = SandboxController.JSON)
    Map<String, Object> faults(@RequestBody FaultBody body) {
        if ("NONE".equals(body.fault())) {
            simulator.clearFaults();
        } else if (body.fault() != null) {
            ThreeDsFault fault;
            try {
                fault = ThreeDsFault.valueOf(body.fault());
            } catch (IllegalArgumentException e) {
                throw new Invalid("fault: one of " + Arrays.toString(ThreeDsFault.values()) + " or NONE");
            }
            simulator.injectFault(fault, body.count() == null ? 1 : Math.max(1, Math.min(body.count(), 1000)));
        }
        if (body.latencyMillis() != null) {
            simulator.setLatencyMillis(Math.min(body.latencyMillis(), 600_000));
        }
        return Map.of("ok", true);
    }

    @GetMapping("/sandbox/tds2/transactions/{serverTransId}")
    ResponseEntity<Map<String, Object>> transaction(@PathVariable String serverTransId) {
        if (!serverTransId.matches("[0-9a-f-]{36}")) {
            return ResponseEntity.status(404).body(Map.of("error", "no such 3DS transaction"));
        }
        return simulator.describe(serverTransId).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no such 3DS transaction")));
    }

    /** Expires abandoned flows now (on this node's sandbox clock). */
    @PostMapping("/sandbox/tds2/expire")
    Map<String, Object> expire() {
        return Map.of("expired", expiry.sweep());
    }

    /** Runs the automatic authorisations a crash interrupted, now. */
    @PostMapping("/sandbox/tds2/recover")
    Map<String, Object> recover() {
        return Map.of("recovered", recovery.recover());
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
