package jp.kessai.face.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kessai.core.netcash.NetCashExpiry;
import jp.kessai.core.notify.NotificationDispatcher;
import jp.kessai.core.notify.Outbox;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.text.StorableText;
import jp.kessai.processor.netcash.simulator.NetCashCard;
import jp.kessai.processor.netcash.simulator.NetCashCenterSimulator;
import jp.kessai.processor.netcash.simulator.NetCashFault;
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
 * Sandbox control for NET CASH and notifications: simulator cards, injected faults and latency, the expiry sweep and
 * the dispatcher on demand, shop notification settings, the outbox with its dead letters, and manual resend.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class NetCashSandboxController {

    private static final Pattern CARD_NO = Pattern.compile("[0-9]{16}");

    private final NetCashCenterSimulator center;
    private final NetCashExpiry expiry;
    private final NotificationDispatcher dispatcher;
    private final Outbox outbox;
    private final ShopDirectory shops;
    private final long maxLatencyMillis;

    NetCashSandboxController(NetCashCenterSimulator center, NetCashExpiry expiry, NotificationDispatcher dispatcher,
            Outbox outbox, ShopDirectory shops, KessaiProperties properties) {
        this.center = center;
        this.expiry = expiry;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.shops = shops;
        // as for JCB Preca: a late request must land before the reconciler could settle its call as failed
        this.maxLatencyMillis = properties.centers().timeout().plusSeconds(20).toMillis();
    }

    record CardBody(String cardNo, Long balance, Boolean locked) {}

    @PostMapping(path = "/sandbox/netcash/cards", consumes = SandboxController.JSON)
    ResponseEntity<Map<String, Object>> saveCard(@RequestBody CardBody body) {
        require(body.cardNo() != null && CARD_NO.matcher(body.cardNo()).matches(), "cardNo: 16 digits");
        require(body.balance() != null && body.balance() >= 0, "balance: a non-negative number of yen");
        var card = new NetCashCard(body.cardNo(), body.balance(), Boolean.TRUE.equals(body.locked()));
        return ResponseEntity.status(HttpStatus.CREATED).body(cardView(center.saveCard(card)));
    }

    @GetMapping("/sandbox/netcash/cards/{cardNo}")
    ResponseEntity<?> card(@PathVariable String cardNo) {
        var found = CARD_NO.matcher(cardNo).matches() ? center.findCard(cardNo) : java.util.Optional.<NetCashCard>empty();
        return found.<ResponseEntity<?>>map(c -> ResponseEntity.ok(cardView(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such card")));
    }

    record FaultBody(String fault, Integer count, Long latencyMillis) {}

    /**
     * Faults for the next payment requests (ExecTranNetcash's call to the center), shaped like
     * {@code /sandbox/jcb-preca/faults}: {@code {"fault":"LOSE_ANSWER","count":1}} and/or {@code {"latencyMillis":2000}};
     * {@code {"fault":"NONE"}} clears faults and latency.
     */
    @PostMapping(path = "/sandbox/netcash/faults", consumes = SandboxController.JSON)
    Map<String, Object> faults(@RequestBody FaultBody body) {
        if ("NONE".equals(body.fault())) {
            center.clearFaults();
        } else if (body.fault() != null) {
            NetCashFault fault;
            try {
                fault = NetCashFault.valueOf(body.fault());
            } catch (IllegalArgumentException e) {
                throw new SandboxController.BadRequest("fault: one of " + java.util.Arrays.toString(NetCashFault.values())
                        + " or NONE");
            }
            center.injectFault(fault, body.count() == null ? 1 : Math.max(1, Math.min(body.count(), 1000)));
        }
        if (body.latencyMillis() != null) {
            center.setLatencyMillis(Math.min(body.latencyMillis(), maxLatencyMillis));
        }
        return Map.of("ok", true);
    }

    @PostMapping("/sandbox/netcash/expire")
    Map<String, Object> expire() {
        return Map.of("expired", expiry.sweep());
    }

    @PostMapping("/sandbox/notifications/dispatch")
    Map<String, Object> dispatch() {
        return Map.of("handled", dispatcher.dispatchDue());
    }

    /**
     * Partial update of a shop's settings: notifications and NET CASH ({@code resultNotificationUrl},
     * {@code notificationRetryIntervalMinutes}, {@code notificationStopFrom}/{@code notificationStopUntil} as ISO-8601
     * instants or null, {@code allowPrivateNotificationTargets}, {@code netCashPaymentTermMinutes}) and contracts
     * ({@code jcbPrecaContracted}, {@code netCashContracted}, {@code creditContracted}, {@code pciDssCompliant},
     * {@code installmentCounts}, {@code bonusContracted}, {@code revolvingContracted}, {@code cardDetailsContracted}); see {@link SettingsBody}.
     */
    @PostMapping(path = "/sandbox/shops/{shopId}/settings", consumes = SandboxController.JSON)
    ShopSettings settings(@PathVariable String shopId, @RequestBody Map<String, Object> body) {
        Shop shop = shop(shopId);
        return shops.updateSettings(shop.id(), SettingsBody.apply(shop.settings(), body)).settings();
    }

    @GetMapping("/sandbox/shops/{shopId}/notifications")
    List<Map<String, Object>> notifications(@PathVariable String shopId) {
        return outbox.listByShop(shop(shopId).id(), 200).stream().map(NetCashSandboxController::view).toList();
    }

    @GetMapping("/sandbox/shops/{shopId}/notifications/dead")
    List<Map<String, Object>> deadLetters(@PathVariable String shopId) {
        return outbox.deadLettersByShop(shop(shopId).id(), 200).stream().map(NetCashSandboxController::view).toList();
    }

    @GetMapping("/sandbox/shops/{shopId}/notifications/{id}/attempts")
    List<Outbox.AttemptView> attempts(@PathVariable String shopId, @PathVariable long id) {
        return outbox.attemptsByShop(shop(shopId).id(), id);
    }

    @PostMapping("/sandbox/shops/{shopId}/notifications/{id}/resend")
    ResponseEntity<Map<String, Object>> resend(@PathVariable String shopId, @PathVariable long id) {
        boolean found = outbox.resend(shop(shopId).id(), id);
        return found ? ResponseEntity.ok(Map.of("resent", id))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such notification"));
    }

    @ExceptionHandler(SandboxController.BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(SandboxController.BadRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private Shop shop(String shopId) {
        if (!StorableText.storable(shopId)) {
            throw new NoSuchShop(); // names no shop, and must not reach a query
        }
        return shops.findByShopId(shopId).orElseThrow(NoSuchShop::new);
    }

    static final class NoSuchShop extends RuntimeException {
        NoSuchShop() {
            super("no such shop", null, false, false);
        }
    }

    @ExceptionHandler(NoSuchShop.class)
    ResponseEntity<Map<String, Object>> noSuchShop(NoSuchShop e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** The same field names as the request body. */
    private static Map<String, Object> cardView(NetCashCard card) {
        var view = new LinkedHashMap<String, Object>();
        view.put("cardNo", card.cardNo());
        view.put("balance", card.balanceYen());
        view.put("locked", card.locked());
        return view;
    }

    private static Map<String, Object> view(Outbox.OutboxEntry e) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", e.id());
        view.put("kind", e.kind().name());
        view.put("eventKey", e.eventKey());
        view.put("targetUrl", e.targetUrl());
        view.put("state", e.state());
        view.put("attempts", e.attempts());
        view.put("maxAttempts", e.maxAttempts());
        view.put("nextAttemptAt", e.nextAttemptAt().toString());
        view.put("lastError", e.lastError());
        view.put("body", new String(e.body(), java.nio.charset.Charset.forName("Windows-31J")));
        return view;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new SandboxController.BadRequest(message);
        }
    }
}
