package jp.kessai.reliability;

import static jp.kessai.reliability.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.kessai.it.KessaiProcess;
import jp.kessai.reliability.Operation.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authorization on every face: shop B, holding everything about shop A's orders that could leak (AccessID,
 * AccessPass, OrderID, Idempotency-Key), can neither read nor change them, with Basic auth, a bearer token, or idpass
 * credentials; and an expired bearer token is refused everywhere.
 */
@ExtendWith(SharedNode.class)
@Order(1) // the shared node's tests run together, first: the node lives only while they run
class AuthorizationIT {

    private static KessaiProcess node;
    private static Ledger ledger;
    private static Payment.Shop shopA;
    private static Payment.Shop shopB;

    @BeforeAll
    static void start() throws Exception {
        node = SharedNode.node();
        ledger = SharedNode.ledger();
        shopA = newShop();
        shopB = newShop();
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

    /**
     * The vault and 3-D Secure: shop B, knowing shop A's memberId, its orders' accessIds and Idempotency-Keys, can
     * neither read nor change A's member, stored cards or 3DS transactions (with Basic auth and with its own token).
     */
    @Test
    void noShopReadsOrChangesAnotherShopsMembersCardsOrThreeDsTransactions() {
        List<String> problems = new ArrayList<>();
        String base = node.baseUrl();
        // shop A: a member with a stored card, verified and charged on file, an on-file charge and a charge waiting
        // for their finalisation after 3-D Secure, and a verification with 3-D Secure authenticated
        Payment vault = Lifecycle.VAULT.newPayment(node::baseUrl, shopA);
        for (Operation op : Lifecycle.VAULT.operations().subList(0, 6)) {
            assertThat(op.attempt(base, vault).verdict()).as(op.name()).isEqualTo(Verdict.ACKED);
        }
        Payment tds = Lifecycle.TDS_CHARGE.newPayment(node::baseUrl, shopA);
        Payment verification = Lifecycle.TDS_VERIFICATION.newPayment(node::baseUrl, shopA);
        for (Payment p : List.of(tds, verification)) {
            for (Operation op : p.lifecycle.operations().subList(0, 2)) {
                assertThat(op.attempt(base, p).verdict()).as(op.name()).isEqualTo(Verdict.ACKED);
            }
        }
        String memberA = vault.memberId();
        String maskedA = "*".repeat(12) + Lifecycle.last4(vault);
        var keyed = (VaultAndTds.Keyed) Lifecycle.VAULT.operations().get(1);
        int requests = 0;
        for (String authorization : List.of(shopB.basic(), "Bearer " + token(shopB))) {
            Map<String, String> attempts = new java.util.LinkedHashMap<>();
            attempts.put("/member/inquiry", VaultAndTds.member(vault));
            attempts.put("/member/delete", VaultAndTds.member(vault));
            attempts.put("/member/deleteItem", VaultAndTds.deleteItem(vault, "0"));
            attempts.put("/credit/storeCard", VaultAndTds.storeCard(vault, "SHOP B"));
            attempts.put("/credit/on-file/charge", VaultAndTds.onfileCharge("b-" + vault.orderId, 999, vault));
            attempts.put("/credit/verifyCard", VaultAndTds.verifyStored(vault, "SHOP B").replace(vault.orderId, "b-" + vault.orderId));
            attempts.put("/credit/getCardDetails", "{\"cardInformation\":{\"onfileCard\":{\"memberId\":\"" + memberA
                    + "\",\"type\":\"CREDIT_CARD\"}}}");
            attempts.put("/credit/storeCard referrer", "{\"merchant\":" + VaultAndTds.MERCHANT + ",\"creditStoringInformation\":"
                    + "{\"referrer\":{\"accessId\":\"" + vault.vars.get("charge") + "\"},\"onfileCardOptions\":{\"memberId\":\"b-"
                    + memberA + "\",\"createNewMember\":true}}}");
            attempts.put("/tds2/finalizeCharge", "{\"accessId\":\"" + tds.accessId + "\"}");
            attempts.put("/tds2/finalizeCharge on-file", "{\"accessId\":\"" + vault.vars.get("tds") + "\"}");
            attempts.put("/tds2/finalizeVerification", "{\"accessId\":\"" + verification.accessId + "\"}");
            attempts.put("/order/inquiry 3DS charge", "{\"accessId\":\"" + tds.accessId + "\"}");
            attempts.put("/order/inquiry 3DS verification", "{\"accessId\":\"" + verification.accessId + "\"}");
            attempts.put("/order/inquiry on-file charge", "{\"accessId\":\"" + vault.vars.get("charge") + "\"}");
            attempts.put("/order/cancel 3DS charge", "{\"accessId\":\"" + tds.accessId + "\"}");
            for (var attempt : attempts.entrySet()) {
                String path = attempt.getKey().split(" ")[0];
                var answer = Wire.openapi(base, path, authorization, attempt.getValue(),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                requests++;
                if (!Lifecycle.openApiRefusal(answer) || answer.body().contains(memberA) || answer.body().contains(maskedA)
                        || answer.body().contains(tds.orderId) || answer.body().contains(verification.orderId)) {
                    problems.add("shop B " + authorization.split(" ")[0] + " " + attempt.getKey() + " on shop A's data: "
                            + answer.status() + " " + Driver.abbreviate(answer.body()));
                }
            }
            // shop A's storeCard with A's Idempotency-Key, sent by B: never A's stored answer
            var replay = Wire.openapi(base, keyed.path(), authorization, keyed.body(vault),
                    Map.of("Idempotency-Key", vault.key(keyed.name())));
            requests++;
            if (replay.status() / 100 == 2 || replay.body().contains(memberA)) {
                problems.add("shop B got shop A's storeCard by its Idempotency-Key: " + replay.status() + " " + replay.body());
            }
        }
        // A's data as A left it
        assertThat(VaultAndTds.memberStatus(base, vault)).isEqualTo("ACTIVE");
        assertThat(VaultAndTds.cards(ledger, vault, " AND NOT c.deleted")).as("A's stored cards").isEqualTo(1);
        assertThat(ledger.number("SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk "
                + "WHERE m.member_id = ? AND c.cardholder_name = 'SHOP B'", memberA)).isZero();
        assertThat(Lifecycle.TDS_CHARGE.statusInKessai(base, tds)).isEqualTo("AUTHENTICATED");
        assertThat(Lifecycle.TDS_VERIFICATION.statusInKessai(base, verification)).isEqualTo("AUTHENTICATED");
        var onfile = Wire.openapi(base, "/order/inquiry", shopA.basic(), "{\"accessId\":\"" + vault.vars.get("tds") + "\"}",
                Map.of());
        assertThat(Lifecycle.jsonString(onfile.body(), "status")).isEqualTo("AUTHENTICATED");
        assertThat(VaultAndTds.authorisations(ledger, tds, tds.amountYen)).as("A's 3DS charge not authorised").isZero();
        assertThat(VaultAndTds.authorisations(ledger, vault, vault.changedAmountYen)).isZero();
        assertThat(VaultAndTds.authorisations(ledger, verification, 0)).isZero();
        assertThat(ledger.number("SELECT count(*) FROM sim_card_operation o JOIN sim_card_authorization a ON a.auth_ref = o.auth_ref "
                + "WHERE a.card_last4 = ? AND o.kind <> 'AUTHORIZE'", Lifecycle.last4(vault))).isZero();
        Reports.figure("authorization", requests + " cross-shop requests on the vault and 3-D Secure; problems=" + problems.size());
        assertThat(problems).isEmpty();
    }

    /** Shop A's MP token, sent by shop B (Basic and bearer): refused as unknown, and still A's to spend afterwards. */
    @Test
    void noShopRedeemsAnotherShopsMpToken() {
        String base = node.baseUrl();
        Payment a = Lifecycle.MP_TOKEN.newPayment(node::baseUrl, shopA);
        String token = a.vars.get("mpToken");
        for (String authorization : List.of(shopB.basic(), "Bearer " + token(shopB))) {
            Payment b = new Payment(Lifecycle.MP_TOKEN, shopB, a.cardNo, a.securityCode, a.amountYen);
            var answer = Wire.openapi(base, "/credit/charge", authorization, MpTokens.charge(b, b.amountYen, token),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(Lifecycle.openApiRefusal(answer)).as("shop B with shop A's MP token: " + answer.body()).isTrue();
            assertThat(answer.body()).contains("tokenizedCard.token");
        }
        assertThat(VaultAndTds.authorisations(ledger, a, a.amountYen)).isZero();
        var own = Lifecycle.MP_TOKEN.operations().getFirst().attempt(base, a);
        assertThat(own.verdict()).as("A's token is still A's: " + own.answer().body()).isEqualTo(Verdict.ACKED);
        Reports.figure("authorization", "shop A's MP token refused to shop B (Basic and bearer), then spent by A");
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
        Payment vault = Lifecycle.VAULT.newPayment(node::baseUrl, shopA);
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("/credit/charge", Lifecycle.CreditCharge.body(credit, credit.amountYen));
        for (String path : List.of("/order/inquiry", "/order/capture", "/order/update", "/order/cancel",
                "/tds2/finalizeCharge", "/tds2/finalizeVerification")) {
            bodies.put(path, "{\"accessId\":\"" + credit.accessId + "\"}");
        }
        bodies.put("/member/create", VaultAndTds.memberCreate(vault, "見本 太郎"));
        bodies.put("/member/inquiry", VaultAndTds.member(vault));
        bodies.put("/member/delete", VaultAndTds.member(vault));
        bodies.put("/member/deleteItem", VaultAndTds.deleteItem(vault, "0"));
        bodies.put("/credit/storeCard", VaultAndTds.storeCard(vault, "TARO MIHON").replace("\"setDefault\":true",
                "\"createNewMember\":true"));
        bodies.put("/credit/verifyCard", VaultAndTds.verify(vault.orderId, "\"card\":" + VaultAndTds.card(vault), null));
        bodies.put("/credit/on-file/charge", VaultAndTds.onfileCharge(vault.orderId, 500, vault));
        bodies.put("/credit/getCardDetails", "{\"cardInformation\":{\"onfileCard\":{\"memberId\":\"" + vault.memberId()
                + "\",\"type\":\"CREDIT_CARD\"}}}");
        for (var entry : bodies.entrySet()) {
            String path = entry.getKey();
            String body = entry.getValue();
            var answer = Wire.openapi(base, path, bearer, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(answer.status()).as(path + " with an expired token: " + answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("unauthorized_request");
        }
        Reports.figure("authorization", "an expired bearer token refused on " + bodies.size() + " endpoints");
        assertThat(ledger.number("SELECT count(*) FROM payment_order WHERE order_id IN (?, ?)", credit.orderId, vault.orderId))
                .isZero();
        assertThat(VaultAndTds.members(ledger, vault, "")).isZero();
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
