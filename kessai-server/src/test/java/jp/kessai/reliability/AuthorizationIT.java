package jp.kessai.reliability;

import static jp.kessai.reliability.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.kessai.it.KessaiProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorization on every face: shop B, holding everything about shop A's orders that could leak (AccessID,
 * AccessPass, OrderID, Idempotency-Key), can neither read nor change them, with Basic auth, a bearer token, or idpass
 * credentials; and an expired bearer token is refused everywhere.
 */
class AuthorizationIT {

    private static KessaiProcess node;
    private static Ledger ledger;
    private static Payment.Shop shopA;
    private static Payment.Shop shopB;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Path.of("target", "it-data", "battery-authz-" + UUID.randomUUID()).toAbsolutePath();
        int pgPort = KessaiProcess.freePort();
        node = KessaiProcess.on(dataDir, KessaiProcess.freePort(), "--kessai.embedded-postgres.port=" + pgPort)
                .startAndAwait();
        ledger = Ledger.embedded(dataDir, pgPort);
        shopA = newShop();
        shopB = newShop();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static Payment.Shop newShop() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        var shop = new Payment.Shop("bat" + suffix, "pw" + suffix.substring(0, Math.min(6, suffix.length())));
        var created = Wire.json(node.baseUrl(), "POST", "/sandbox/shops",
                "{\"shopId\":\"" + shop.shopId() + "\",\"shopPass\":\"" + shop.shopPass() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return shop;
    }

    @Test
    void noShopReadsOrChangesAnotherShopsOrdersOnAnyFace() {
        List<String> problems = new ArrayList<>();
        String base = node.baseUrl();

        // shop A: a credit authorisation, a paid JCB Preca order, a registered NET CASH order
        Payment credit = Lifecycle.CREDIT.newPayment(node::baseUrl, shopA);
        assertThat(Lifecycle.CREDIT.operations().getFirst().attempt(base, credit).verdict()).isEqualTo(Operation.Verdict.ACKED);
        Payment preca = Lifecycle.JCB_PRECA.newPayment(node::baseUrl, shopA);
        assertThat(Lifecycle.JCB_PRECA.operations().get(0).attempt(base, preca).verdict()).isEqualTo(Operation.Verdict.ACKED);
        assertThat(Lifecycle.JCB_PRECA.operations().get(1).attempt(base, preca).verdict()).isEqualTo(Operation.Verdict.ACKED);
        Payment netcash = Lifecycle.NET_CASH.newPayment(node::baseUrl, shopA);
        assertThat(Lifecycle.NET_CASH.operations().get(0).attempt(base, netcash).verdict()).isEqualTo(Operation.Verdict.ACKED);

        // shop B on the openapi face, with Basic and with its own bearer token
        String bearerB = "Bearer " + token(shopB);
        for (String authorization : List.of(shopB.basic(), bearerB)) {
            for (String path : List.of("/order/inquiry", "/order/capture", "/order/cancel", "/order/update")) {
                String body = path.equals("/order/update")
                        ? "{\"accessId\":\"" + credit.accessId + "\",\"amount\":\"1\",\"authorizationMode\":\"AUTH\"}"
                        : "{\"accessId\":\"" + credit.accessId + "\"}";
                var answer = Wire.openapi(base, path, authorization, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                if (!Lifecycle.openApiRefusal(answer) || answer.body().contains(credit.orderId)) {
                    problems.add("shop B " + authorization.split(" ")[0] + " " + path + " on shop A's order: "
                            + answer.status() + " " + answer.body());
                }
            }
            // shop A's Idempotency-Key and body, sent by B: B's own new order, never A's stored answer
            var replay = Wire.openapi(base, "/credit/charge", authorization, Lifecycle.CreditCharge.body(credit, credit.amountYen),
                    Map.of("Idempotency-Key", credit.key("openapi /credit/charge")));
            if (replay.status() == 201 && credit.accessId.equals(Lifecycle.jsonString(replay.body(), "accessId"))) {
                problems.add("shop B got shop A's charge replayed by its Idempotency-Key");
            }
        }

        // shop B on the idpass face, with shop A's AccessID, AccessPass and OrderID
        var shopBCredentials = params("ShopID", shopB.shopId(), "ShopPass", shopB.shopPass());
        for (String payType : List.of("14", "16")) {
            String orderId = payType.equals("14") ? preca.orderId : netcash.orderId;
            var search = Wire.idpass(base, "SearchTradeMulti", merge(shopBCredentials, params("OrderID", orderId, "PayType", payType)));
            if (!Lifecycle.idpassRefusal(search) || search.body().contains("AccessID")) {
                problems.add("shop B SearchTradeMulti of shop A's order: " + search.body());
            }
        }
        var order = params("AccessID", preca.accessId, "AccessPass", preca.accessPass, "OrderID", preca.orderId);
        var cancel = Wire.idpass(base, "JcbPrecaCancel", merge(shopBCredentials, order));
        var exec = Wire.idpass(base, "ExecTranJcbPreca", merge(shopBCredentials, order,
                params("CardNo", preca.cardNo, "ApprovalNo", "1234")));
        var netcashExec = Wire.idpass(base, "ExecTranNetcash", merge(shopBCredentials, params("AccessID", netcash.accessId,
                "AccessPass", netcash.accessPass, "OrderID", netcash.orderId, "RetURL", "https://merchant.example/ret",
                "NetCashPayType", "NETCASH")));
        for (var answer : List.of(cancel, exec, netcashExec)) {
            if (!Lifecycle.idpassRefusal(answer)) {
                problems.add("shop B changed shop A's idpass order: " + answer.body());
            }
        }

        // shop A's orders are as A left them, in Kessai's books and in the processors'
        assertThat(Lifecycle.CREDIT.statusInKessai(base, credit)).isEqualTo("AUTH");
        assertThat(Lifecycle.JCB_PRECA.statusInKessai(base, preca)).isEqualTo("SALES");
        assertThat(Lifecycle.NET_CASH.statusInKessai(base, netcash)).isEqualTo("UNPROCESSED");
        // B's own charge with A's body is B's own order (its own authorisation); nothing touched A's
        assertThat(ledger.number("SELECT count(*) FROM sim_card_operation o JOIN sim_card_authorization a ON a.auth_ref = o.auth_ref "
                + "WHERE a.card_last4 = ? AND a.amount_yen = ? AND o.kind <> 'AUTHORIZE'", Lifecycle.last4(credit), credit.amountYen))
                .as("no capture, cancel or change of A's authorisation").isZero();
        assertThat(ledger.number("SELECT count(*) FROM payment_order o JOIN shop s ON s.id = o.shop_pk WHERE o.order_id = ?"
                + " AND s.shop_id = ?", credit.orderId, shopB.shopId())).as("B's charge is B's own order").isEqualTo(1);
        assertThat(ledger.number("SELECT count(*) FROM sim_preca_txn WHERE card_no = ? AND cancelled_at IS NULL", preca.cardNo))
                .isEqualTo(1);
        assertThat(ledger.number("SELECT count(*) FROM sim_netcash_payment WHERE amount_yen = ?", netcash.amountYen)).isZero();
        Reports.figure("authorization", "12 openapi and 5 idpass cross-shop requests; problems=" + problems.size());
        assertThat(problems).isEmpty();
    }

    @Test
    void anExpiredBearerTokenIsRefusedOnEveryEndpoint() {
        String base = node.baseUrl();
        String bearer = "Bearer " + token(shopA);
        Payment credit = Lifecycle.CREDIT.newPayment(node::baseUrl, shopA);
        credit.accessId = "0".repeat(32);
        var fresh = Wire.openapi(base, "/order/inquiry", bearer, "{\"accessId\":\"" + credit.accessId + "\"}", Map.of());
        assertThat(fresh.status()).as("a fresh token is accepted (the order is unknown: 400)").isEqualTo(400);

        var advanced = Wire.json(base, "POST", "/sandbox/clock/advance", "{\"advanceSeconds\":3601}");
        assertThat(advanced.status()).isEqualTo(200);
        for (String path : List.of("/credit/charge", "/order/inquiry", "/order/capture", "/order/update", "/order/cancel")) {
            String body = path.equals("/credit/charge") ? Lifecycle.CreditCharge.body(credit, credit.amountYen)
                    : "{\"accessId\":\"" + credit.accessId + "\"}";
            var answer = Wire.openapi(base, path, bearer, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(answer.status()).as(path + " with an expired token: " + answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("unauthorized_request");
        }
        assertThat(ledger.number("SELECT count(*) FROM payment_order WHERE order_id = ?", credit.orderId)).isZero();
        var basic = Wire.openapi(base, "/order/inquiry", shopA.basic(), "{\"accessId\":\"" + credit.accessId + "\"}", Map.of());
        assertThat(basic.status()).as("the shop's own credentials still work").isEqualTo(400);
    }

    private static String token(Payment.Shop shop) {
        var answer = Wire.form(node.baseUrl(), "/token", shop.basic(), "grant_type=client_credentials&scope=openapi");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return Lifecycle.jsonString(answer.body(), "access_token");
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (var m : maps) {
            all.putAll(m);
        }
        return all;
    }
}
