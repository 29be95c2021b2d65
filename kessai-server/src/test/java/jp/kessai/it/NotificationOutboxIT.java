package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The durable outbox on a controllable clock: a notification is retried at the shop's interval until the merchant
 * answers "0", goes to the dead-letter list after the first delivery and 5 retries, can be resent by hand, waits out a
 * stop window, and is refused when its target is private and the shop has no explicit permission.
 */
class NotificationOutboxIT extends IntegrationTest {

    @Autowired
    ShopDirectory shops;

    private MerchantServer merchant;
    private final AtomicReference<String> answer = new AtomicReference<>("0");

    @BeforeEach
    void merchant() throws Exception {
        merchant = new MerchantServer();
        merchant.on("/notify", r -> MerchantServer.Answer.text(answer.get()));
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    @Test
    void retriesAtTheShopsIntervalThenDeadLettersThenResends() throws Exception {
        String shopId = newShop(true, "{\"notificationRetryIntervalMinutes\":30}");
        answer.set("NG");
        long id = paidOrderNotification(shopId);

        dispatch();
        assertThat(attempts(shopId, id)).hasSize(1);
        dispatch();
        assertThat(attempts(shopId, id)).as("not due before the interval").hasSize(1);
        for (int retry = 1; retry <= 5; retry++) {
            advance(29 * 60);
            dispatch();
            assertThat(attempts(shopId, id)).as("29 minutes is not yet the 30-minute interval").hasSize(retry);
            advance(60 + 1);
            dispatch();
            assertThat(attempts(shopId, id)).hasSize(retry + 1);
        }
        assertThat(state(shopId, id)).isEqualTo("DEAD");
        assertThat(sandbox("GET", "/sandbox/shops/" + shopId + "/notifications/dead", null).body()).contains("\"id\":" + id);
        assertThat(attempts(shopId, id)).allMatch(a -> a.contains("\"outcome\":\"REJECTED\"") && a.contains("\"httpStatus\":200"));
        advance(3600);
        dispatch();
        assertThat(attempts(shopId, id)).as("a dead notification is not retried").hasSize(6);

        answer.set("0");
        assertThat(sandbox("POST", "/sandbox/shops/" + shopId + "/notifications/" + id + "/resend", null).statusCode()).isEqualTo(200);
        dispatch();
        assertThat(state(shopId, id)).isEqualTo("DELIVERED");
        assertThat(merchant.all("/notify")).hasSize(7);
    }

    @Test
    void aNon2xxAnswerIsAFailure() throws Exception {
        String shopId = newShop(true, "{}");
        merchant.on("/notify", r -> new MerchantServer.Answer(500, "text/plain", "0".getBytes()));
        long id = paidOrderNotification(shopId);
        dispatch();
        assertThat(state(shopId, id)).isEqualTo("PENDING");
        assertThat(attempts(shopId, id).get(0)).contains("\"httpStatus\":500", "REJECTED");
    }

    @Test
    void aStopWindowHoldsDeliveryUntilItEnds() throws Exception {
        String shopId = newShop(true, "{}");
        Instant now = Instant.parse(sandbox("GET", "/sandbox/clock", null).body().replaceAll(".*\"now\":\"([^\"]+)\".*", "$1"));
        settings(shopId, "{\"notificationStopFrom\":\"" + now.minusSeconds(60) + "\",\"notificationStopUntil\":\""
                + now.plusSeconds(1800) + "\"}");
        long id = paidOrderNotification(shopId);
        dispatch();
        assertThat(attempts(shopId, id)).as("nothing is sent during maintenance").isEmpty();
        assertThat(merchant.all("/notify")).isEmpty();
        advance(1800 + 1);
        dispatch();
        assertThat(state(shopId, id)).isEqualTo("DELIVERED");
        assertThat(merchant.all("/notify")).hasSize(1);
    }

    @Test
    void privateTargetsAreRefusedWithoutTheShopsExplicitPermission() throws Exception {
        String shopId = newShop(false, "{}");
        long id = paidOrderNotification(shopId);
        dispatch();
        assertThat(merchant.all("/notify")).as("loopback is not called").isEmpty();
        assertThat(attempts(shopId, id).get(0)).contains("REFUSED", "non-public address");
    }

    // --- helpers ---

    private String newShop(boolean allowPrivate, String extraSettings) {
        String shopId = "tshop" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        shops.upsert(shopId, new Password("pass0001"), null, ShopMode.TEST);
        settings(shopId, "{\"resultNotificationUrl\":\"" + merchant.url("/notify") + "\",\"allowPrivateNotificationTargets\":" + allowPrivate + "}");
        settings(shopId, extraSettings);
        return shopId;
    }

    /** A NET CASH order of {@code shopId} paid through the simulator; returns the id of its PAYSUCCESS notification. */
    private long paidOrderNotification(String shopId) {
        var client = new IdPassClient(baseUrl());
        String orderId = newOrderId();
        var entry = client.post("EntryTranNetcash", IdPassClient.params("ShopID", shopId, "ShopPass", "pass0001",
                "OrderID", orderId, "Amount", "100"));
        var exec = client.post("ExecTranNetcash", IdPassClient.params("ShopID", shopId, "ShopPass", "pass0001",
                "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"), "OrderID", orderId,
                "RetURL", "https://merchant.example/ret", "NetCashPayType", "NETCASH"));
        var flow = new NetCashFlow(baseUrl());
        var order = new NetCashFlow.Order(orderId, entry.get("AccessID"), entry.get("AccessPass"), exec.get("Token"), exec.get("StartURL"));
        flow.startAndPay(order, "5000000000000009");
        String list = sandbox("GET", "/sandbox/shops/" + shopId + "/notifications", null).body();
        assertThat(list).contains("PAYSUCCESS");
        return Long.parseLong(list.replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1"));
    }

    private void dispatch() {
        assertThat(sandbox("POST", "/sandbox/notifications/dispatch", null).statusCode()).isEqualTo(200);
    }

    private void advance(long seconds) {
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + seconds + "}");
    }

    private void settings(String shopId, String json) {
        var response = sandbox("POST", "/sandbox/shops/" + shopId + "/settings", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<String> attempts(String shopId, long id) {
        String body = sandbox("GET", "/sandbox/shops/" + shopId + "/notifications/" + id + "/attempts", null).body();
        return body.equals("[]") ? List.of() : List.of(body.substring(1, body.length() - 1).split("(?<=\\}),(?=\\{)"));
    }

    private String state(String shopId, long id) {
        String list = sandbox("GET", "/sandbox/shops/" + shopId + "/notifications", null).body();
        return list.replaceAll("(?s).*\\{\"id\":" + id + ",[^}]*\"state\":\"([A-Z]+)\".*", "$1");
    }
}
