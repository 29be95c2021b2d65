package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 001 over HTTP: Entry → Exec → NetCashStart → the center's page → result form, notifications, expiry. */
class IdPassNetCashIT extends IntegrationTest {

    private MerchantServer merchant;
    private NetCashFlow flow;

    @BeforeEach
    void merchant() throws Exception {
        merchant = new MerchantServer();
        merchant.on("/notify", r -> MerchantServer.Answer.text("0"));
        flow = new NetCashFlow(baseUrl());
        settings("{\"resultNotificationUrl\":\"" + merchant.url("/notify") + "\",\"notificationStopFrom\":null,"
                + "\"notificationStopUntil\":null,\"notificationRetryIntervalMinutes\":60}");
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    @Test
    void payEndToEndWithCheckStringSearchAndNotification() throws Exception {
        String orderId = newOrderId();
        var entry = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", orderId, "Amount", "1500", "Tax", "100"));
        Golden.assertMatches("idpass/it/EntryTranNetcash-success.txt", entry.body(), Map.of("OrderID", orderId));
        var exec = idpass.post("ExecTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"), "OrderID", orderId,
                "RetURL", merchant.url("/ret"), "ClientField1", "ネットキャッシュ", "NetCashPayType", "NETCASH"));
        Golden.assertMatches("idpass/it/ExecTranNetcash-success.txt", exec.body(),
                Map.of("AccessID", entry.get("AccessID"), "StartURL", baseUrl() + "/payment/NetCashStart.idPass"));
        var vars = Map.of("AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"));
        Golden.assertMatches("idpass/it/SearchTradeMulti-netcash-reqsuccess.txt", search16(orderId).body(), vars);

        String card = newNetCashCard(5000);
        var order = new NetCashFlow.Order(orderId, entry.get("AccessID"), entry.get("AccessPass"), exec.get("Token"), exec.get("StartURL"));
        var started = flow.start(order.accessId(), order.token());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(search16(orderId).get("Status")).isEqualTo("PAYSTART");
        String page = started.headers().firstValue("Location").orElseThrow();
        assertThat(flow.get(page).body()).contains("1,600 円");
        assertThat(flow.pay(page, "5000000000000002").body()).as("too little balance: the page says so")
                .contains("残高が不足しています");
        var back = flow.pay(page, card);
        var form = NetCashFlow.resultForm(flow.get(back.headers().firstValue("Location").orElseThrow()));

        assertThat(form.action()).isEqualTo(merchant.url("/ret"));
        assertThat(form.fields().keySet()).containsExactly("ShopID", "OrderID", "Status", "TranDate", "CheckString");
        assertThat(form.fields()).containsEntry("ShopID", SHOP_ID).containsEntry("OrderID", orderId).containsEntry("Status", "PAYSUCCESS");
        String tranDate = form.fields().get("TranDate");
        assertThat(tranDate).matches("[0-9]{14}");
        assertThat(form.fields().get("CheckString")).isEqualTo(NetCashFlow.checkString(SHOP_ID, orderId, "PAYSUCCESS", tranDate, SHOP_PASS));
        Golden.assertMatches("idpass/it/NetCash-result-form-paysuccess.html", form.html().strip(),
                Map.of("RetURL", merchant.url("/ret"), "OrderID", orderId));
        assertThat(netCashBalance(card)).isEqualTo(3400);
        Golden.assertMatches("idpass/it/SearchTradeMulti-netcash-paysuccess.txt", search16(orderId).body(), vars);

        var notification = dispatchAndReceive(orderId);
        assertThat(notification.contentType()).isEqualToIgnoringCase("application/x-www-form-urlencoded;charset=Windows-31J");
        assertThat(notification.form()).containsExactly(
                Map.entry("ShopID", SHOP_ID), Map.entry("ShopPass", "**********"), Map.entry("AccessID", order.accessId()),
                Map.entry("AccessPass", "**********"), Map.entry("OrderID", orderId), Map.entry("Status", "PAYSUCCESS"),
                Map.entry("JobCd", ""), Map.entry("Amount", "1500"), Map.entry("Tax", "100"), Map.entry("Currency", "JPN"),
                Map.entry("TranDate", tranDate), Map.entry("PayType", "16"), Map.entry("ErrCode", ""), Map.entry("ErrInfo", ""));

        var again = flow.start(order.accessId(), order.token());
        assertThat(again.body()).as("already paid").contains("NC1000004");
    }

    @Test
    void cancellingOnThePaymentPageIsPayfailWithItsErrorCode() throws Exception {
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        var started = flow.start(order.accessId(), order.token());
        var back = flow.cancel(started.headers().firstValue("Location").orElseThrow());
        var form = NetCashFlow.resultForm(flow.get(back.headers().firstValue("Location").orElseThrow()));
        assertThat(form.fields()).containsEntry("Status", "PAYFAIL").containsEntry("ErrCode", "NC1").containsEntry("ErrInfo", "NC1000009");
        assertThat(form.fields().get("CheckString")).isEqualTo(NetCashFlow.checkString(SHOP_ID, order.orderId(), "PAYFAIL",
                form.fields().get("TranDate"), SHOP_PASS));
        assertThat(search16(order.orderId()).get("Status")).isEqualTo("PAYFAIL");
        var notification = dispatchAndReceive(order.orderId());
        assertThat(notification.form()).containsEntry("Status", "PAYFAIL").containsEntry("ErrInfo", "NC1000009");
    }

    @Test
    void unpaidOrdersExpireAndTheMerchantIsTold() throws Exception {
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        var started = flow.start(order.accessId(), order.token());
        String page = started.headers().firstValue("Location").orElseThrow();
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":3700}");
        sandbox("POST", "/sandbox/netcash/expire", null);
        assertThat(search16(order.orderId()).get("Status")).isEqualTo("EXPIRED");
        var late = flow.pay(page, "5000000000000001");
        assertThat(late.statusCode()).isEqualTo(302);
        assertThat(flow.get(late.headers().firstValue("Location").orElseThrow()).body()).contains("NC1000005");
        assertThat(flow.start(order.accessId(), order.token()).body()).contains("NC1000005");
        var notification = dispatchAndReceive(order.orderId());
        assertThat(notification.form()).containsEntry("Status", "EXPIRED").containsEntry("OrderID", order.orderId());
    }

    @Test
    void payingAfterTheDeadlineBeforeTheSweepIsRefusedAndExpiresTheOrder() {
        String card = newNetCashCard(5000);
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        String page = flow.start(order.accessId(), order.token()).headers().firstValue("Location").orElseThrow();
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":3700}");
        var late = flow.pay(page, card);
        assertThat(flow.get(late.headers().firstValue("Location").orElseThrow()).body()).contains("NC1000005");
        assertThat(search16(order.orderId()).get("Status")).isEqualTo("EXPIRED");
        assertThat(netCashBalance(card)).as("no money taken").isEqualTo(5000);
    }

    @Test
    void aCancelledPaymentCannotBeStartedAgain() {
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        flow.cancel(flow.start(order.accessId(), order.token()).headers().firstValue("Location").orElseThrow());
        assertThat(flow.start(order.accessId(), order.token()).body()).contains("NC1000006").doesNotContain("NC1000004");
    }

    @Test
    void aCustomerArrivingAfterTheDeadlineExpiresTheOrderAtOnce() {
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":3700}");
        assertThat(flow.start(order.accessId(), order.token()).body()).contains("NC1000005");
        assertThat(search16(order.orderId()).get("Status")).isEqualTo("EXPIRED");
    }

    @Test
    void netCashStartShowsAnErrorScreenForUnknownTransactionsAndBadTokens() {
        var order = flow.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        var badToken = flow.start(order.accessId(), "0".repeat(64));
        assertThat(badToken.statusCode()).isEqualTo(200);
        assertThat(badToken.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("Windows-31J");
        assertThat(badToken.body()).contains("NC1000003");
        assertThat(flow.start("f".repeat(32), order.token()).body()).contains("NC1000002");
        assertThat(flow.start("", "").body()).contains("NC1000001", "NC1000003");
        assertThat(flow.get("/payment/NetCashStart.idPass").body()).contains("E31500014");
        assertThat(search16(order.orderId()).get("Status")).isEqualTo("REQSUCCESS");
    }

    @Test
    void execRefusesBadInputWithTheSeedCodes() {
        String orderId = newOrderId();
        var entry = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", orderId, "Amount", "1000"));
        var bad = idpass.post("ExecTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"), "OrderID", orderId,
                "RetURL", "javascript:alert(1)", "NetCashPayType", "NNCGIFT"));
        assertThat(bad.body()).isEqualTo("ErrCode=M01|M01&ErrInfo=M01056012|M01051011");
        var missing = idpass.post("ExecTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"), "OrderID", orderId));
        assertThat(missing.body()).isEqualTo("ErrCode=M01|M01&ErrInfo=M01056001|M01051001");
        assertThat(search16(orderId).get("Status")).isEqualTo("UNPROCESSED");
        var twice = new NetCashFlow(baseUrl());
        var order = twice.entryAndExec(newOrderId(), 1000, 0, merchant.url("/ret"));
        var again = idpass.post("ExecTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", order.accessId(), "AccessPass", order.accessPass(), "OrderID", order.orderId(),
                "RetURL", merchant.url("/ret"), "NetCashPayType", "NETCASH"));
        assertThat(again.body()).isEqualTo("ErrCode=M01&ErrInfo=M01004014");
    }

    @Test
    void entryEnforcesTheTwoHundredThousandYenLimit() {
        var over = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", newOrderId(), "Amount", "200001"));
        assertThat(over.body()).isEqualTo("ErrCode=M01&ErrInfo=M01005011");
        var max = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", newOrderId(), "Amount", "200000"));
        assertThat(max.isError()).isFalse();
        var tooLong = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", newOrderId(), "Amount", "1000000"));
        assertThat(tooLong.body()).isEqualTo("ErrCode=M01&ErrInfo=M01005005");
    }

    /** The result notification about {@code orderId} (other tests' orders may be notified to this merchant too). */
    private MerchantServer.Received dispatchAndReceive(String orderId) throws InterruptedException {
        sandbox("POST", "/sandbox/notifications/dispatch", null);
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var notification = merchant.next("/notify", 1);
            if (notification != null && orderId.equals(notification.form().get("OrderID"))) {
                return notification;
            }
        }
        throw new AssertionError("no result notification for " + orderId + "; outbox: "
                + sandbox("GET", "/sandbox/shops/" + SHOP_ID + "/notifications", null).body());
    }

    private IdPassClient.Answer search16(String orderId) {
        return idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", orderId, "PayType", "16"));
    }

    private String newNetCashCard(long balance) {
        String cardNo = "51" + String.format("%014d", java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
        assertThat(sandbox("POST", "/sandbox/netcash/cards", "{\"cardNo\":\"" + cardNo + "\",\"balance\":" + balance + "}").statusCode()).isEqualTo(201);
        return cardNo;
    }

    private long netCashBalance(String cardNo) {
        String body = sandbox("GET", "/sandbox/netcash/cards/" + cardNo, null).body();
        return Long.parseLong(body.replaceAll(".*\"balance\":(\\d+).*", "$1"));
    }

    private void settings(String json) {
        var response = sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
