package jp.kessai.reliability;

import static jp.kessai.reliability.Wire.params;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kessai.reliability.Operation.Result;
import jp.kessai.reliability.Operation.Verdict;

/**
 * The table of every state-changing operation of every face that exists today, in the order a payment goes through
 * them. Each row is an {@link Operation}; the battery's tests (crash, races, failover) iterate over this table, so an
 * operation added here is held to all of them. Still to come as rows: ROBOT PAYMENT.
 */
enum Lifecycle {

    JCB_PRECA("jp", List.of(new IdPassEntry("EntryTranJcbPreca", "14"), new JcbPrecaExec(), new JcbPrecaCancel())),
    NET_CASH("nc", List.of(new IdPassEntry("EntryTranNetcash", "16"), new NetCashExec())),
    CREDIT("cr", List.of(new CreditCharge(), new OpenApiOrderOperation("/order/update", "AUTH") {
        @Override
        String body(Payment p) {
            return "{\"accessId\":\"" + p.accessId + "\",\"amount\":\"" + p.changedAmountYen + "\",\"authorizationMode\":\"AUTH\"}";
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return ledger.number("SELECT count(*) FROM sim_card_operation o JOIN sim_card_authorization a ON a.auth_ref = o.auth_ref "
                    + "WHERE o.kind = 'CHANGE' AND o.result LIKE 'A|%' AND a.card_last4 = ? AND a.amount_yen = ?",
                    last4(p), p.changedAmountYen);
        }
    }, new OpenApiOrderOperation("/order/capture", "SALES"), new OpenApiOrderOperation("/order/cancel", "CANCEL"))),
    TDS_CHARGE("td", VaultAndTds.tdsCharge()),
    TDS_VERIFICATION("tv", VaultAndTds.tdsVerification()),
    VAULT("va", VaultAndTds.vault()),
    MP_TOKEN("tk", MpTokens.operations());

    /** Every lifecycle, in table order: what the kill -9, failover and race tests drive. */
    static final List<Lifecycle> ALL = List.of(values());

    private final String code;
    private final List<Operation> operations;

    Lifecycle(String code, List<Operation> operations) {
        this.code = code;
        this.operations = operations;
    }

    String code() {
        return code;
    }

    List<Operation> operations() {
        return operations;
    }

    /**
     * A new payment; JCB Preca gets a card of its own (created through the sandbox API, retried until a node answers;
     * {@code node} is asked again on every retry, as it may change).
     */
    Payment newPayment(java.util.function.Supplier<String> node, Payment.Shop shop) {
        return switch (this) {
            case JCB_PRECA -> {
                String card = "77" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
                Payment payment = new Payment(this, shop, card, "1234");
                String json = "{\"cardNo\":\"" + card + "\",\"approvalNo\":\"1234\",\"balance\":" + JcbPrecaExec.BALANCE + "}";
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
                while (Wire.json(node.get(), "POST", "/sandbox/jcb-preca/cards", json).status() != 201) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not create the prepaid card of " + payment);
                    }
                    pause(200);
                }
                yield payment;
            }
            case NET_CASH -> new Payment(this, shop, null, null);
            case CREDIT, TDS_CHARGE, TDS_VERIFICATION, VAULT -> new Payment(this, shop, Payment.newVisa(),
                    String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
            case MP_TOKEN -> {
                Payment payment = new Payment(this, shop, Payment.newVisa(),
                        String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
                payment.vars.put("mpToken", MpTokens.issue(node, shop.shopId(), payment));
                yield payment;
            }
        };
    }

    /** The order's status as the face shows it ({@code null}: unknown to the face; {@code ""}: no answer). */
    String statusInKessai(String baseUrl, Payment p) {
        return switch (this) {
            case JCB_PRECA, NET_CASH -> {
                var answer = Wire.idpass(baseUrl, "SearchTradeMulti", params("ShopID", p.shop.shopId(), "ShopPass",
                        p.shop.shopPass(), "OrderID", p.orderId, "PayType", this == JCB_PRECA ? "14" : "16"));
                yield answer.none() ? "" : answer.field("Status");
            }
            case VAULT -> VaultAndTds.memberStatus(baseUrl, p);
            case CREDIT, TDS_CHARGE, TDS_VERIFICATION, MP_TOKEN -> {
                if (p.accessId == null) {
                    yield null;
                }
                var answer = Wire.openapi(baseUrl, "/order/inquiry", p.shop.basic(), "{\"accessId\":\"" + p.accessId + "\"}", Map.of());
                yield answer.none() ? "" : jsonString(answer.body(), "status");
            }
        };
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String jsonString(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String last4(Payment p) {
        return p.cardNo.substring(p.cardNo.length() - 4);
    }

    // ------------------------------------------------------------------------------------------------ idpass rows

    /**
     * Retry classes shared by the idpass rows: locked order, outcome unknown, center unreachable, database down, node
     * busy (E92000001, the catalogue's 流量制限オーバー: refused before anything was read, kessai.server.max-in-flight).
     */
    private static final Set<String> IDPASS_RETRY = Set.of("E82010001", "JP1000049", "JP1000040", "E91020001",
            "E91029999", "E91019999", "E92000001");

    /** The idpass face's answer when the node has as many requests in progress as it admits. */
    static final String IDPASS_BUSY = "ErrCode=E92&ErrInfo=E92000001";

    static Verdict idpassError(Wire.Answer answer, Set<String> doneBefore) {
        String info = answer.field("ErrInfo");
        if (info == null) {
            return Verdict.WRONG;
        }
        String first = info.split("\\|")[0];
        if (doneBefore.contains(first)) {
            return Verdict.DONE_BEFORE;
        }
        return IDPASS_RETRY.contains(first) ? Verdict.RETRY : Verdict.WRONG;
    }

    static Result idpassResult(Wire.Answer answer, String successField, Set<String> doneBefore) {
        if (answer.none()) {
            return new Result(Verdict.RETRY, answer);
        }
        if (answer.status() != 200) {
            return new Result(Verdict.WRONG, answer);
        }
        if (answer.field("ErrCode") == null && answer.field(successField) != null) {
            return new Result(Verdict.ACKED, answer);
        }
        return new Result(idpassError(answer, doneBefore), answer);
    }

    static boolean idpassRefusal(Wire.Answer answer) {
        String info = answer.field("ErrInfo");
        return answer.status() == 200 && info != null && !info.startsWith("E91") && !info.startsWith("M91")
                && !info.startsWith("E92"); // busy: the request was not looked at
    }

    static final class IdPassEntry implements Operation {
        private final String name;
        private final String payType;

        IdPassEntry(String name, String payType) {
            this.name = name;
            this.payType = payType;
        }

        @Override
        public String name() {
            return "idpass " + name;
        }

        @Override
        public String statusAfter() {
            return "UNPROCESSED";
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var answer = Wire.idpass(baseUrl, name, params("ShopID", p.shop.shopId(), "ShopPass", p.shop.shopPass(),
                    "OrderID", p.orderId, "Amount", Long.toString(p.amountYen)));
            var result = idpassResult(answer, "AccessID", Set.of("M01004010", "E01040010"));
            if (result.verdict() == Verdict.ACKED) {
                p.accessId = answer.field("AccessID");
                p.accessPass = answer.field("AccessPass");
            } else if (result.verdict() == Verdict.DONE_BEFORE) {
                // the merchant lost the first answer: the pair is in the order, found by its OrderID
                var search = Wire.idpass(baseUrl, "SearchTradeMulti", params("ShopID", p.shop.shopId(), "ShopPass",
                        p.shop.shopPass(), "OrderID", p.orderId, "PayType", payType));
                if (search.field("AccessID") == null) {
                    return new Result(Verdict.RETRY, search);
                }
                p.accessId = search.field("AccessID");
                p.accessPass = search.field("AccessPass");
            }
            return result;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            // no processor: Kessai's own books (one order per shop and OrderID)
            return ledger.number("SELECT count(*) FROM payment_order o JOIN shop s ON s.id = o.shop_pk "
                    + "WHERE s.shop_id = ? AND o.order_id = ?", p.shop.shopId(), p.orderId);
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            return Wire.idpass(baseUrl, name, params("ShopID", p.shop.shopId(), "ShopPass", p.shop.shopPass(),
                    "OrderID", p.orderId, "Amount", "12a"));
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return idpassRefusal(answer);
        }
    }

    abstract static class IdPassOrderOperation implements Operation {
        final String name;

        IdPassOrderOperation(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return "idpass " + name;
        }

        Map<String, String> order(Payment p, String accessPass) {
            return params("ShopID", p.shop.shopId(), "ShopPass", p.shop.shopPass(), "AccessID", p.accessId,
                    "AccessPass", accessPass, "OrderID", p.orderId);
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            var wrongPass = order(p, "0".repeat(32));
            wrongPass.putAll(extra(p));
            return Wire.idpass(baseUrl, name, wrongPass);
        }

        Map<String, String> extra(Payment p) {
            return Map.of();
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return idpassRefusal(answer);
        }
    }

    static final class JcbPrecaExec extends IdPassOrderOperation {
        static final long BALANCE = 10_000_000;

        JcbPrecaExec() {
            super("ExecTranJcbPreca");
        }

        @Override
        public String statusAfter() {
            return "SALES";
        }

        @Override
        Map<String, String> extra(Payment p) {
            return params("CardNo", p.cardNo, "ApprovalNo", p.securityCode);
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var params = order(p, p.accessPass);
            params.putAll(extra(p));
            var answer = Wire.idpass(baseUrl, name, params);
            var result = idpassResult(answer, "Status", Set.of("E11010001"));
            if (result.verdict() == Verdict.ACKED && !"SALES".equals(answer.field("Status"))) {
                return new Result(Verdict.WRONG, answer);
            }
            return result;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return ledger.number("SELECT count(*) FROM sim_preca_txn WHERE card_no = ?", p.cardNo);
        }
    }

    static final class JcbPrecaCancel extends IdPassOrderOperation {
        JcbPrecaCancel() {
            super("JcbPrecaCancel");
        }

        @Override
        public String statusAfter() {
            return "CANCEL";
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var answer = Wire.idpass(baseUrl, name, order(p, p.accessPass));
            var result = idpassResult(answer, "Status", Set.of("JP1000020"));
            if (result.verdict() == Verdict.ACKED && !"CANCEL".equals(answer.field("Status"))) {
                return new Result(Verdict.WRONG, answer);
            }
            return result;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            // cancelled once, and the card's balance back where it started: a second refund would show there
            long cancelled = ledger.number("SELECT count(*) FROM sim_preca_txn WHERE card_no = ? AND cancelled_at IS NOT NULL",
                    p.cardNo);
            long balance = ledger.number("SELECT balance_yen FROM sim_preca_card WHERE card_no = ?", p.cardNo);
            return cancelled == 1 && balance != JcbPrecaExec.BALANCE ? 99 : cancelled;
        }
    }

    static final class NetCashExec extends IdPassOrderOperation {
        NetCashExec() {
            super("ExecTranNetcash");
        }

        @Override
        public String statusAfter() {
            return "REQSUCCESS";
        }

        @Override
        Map<String, String> extra(Payment p) {
            return params("RetURL", "https://merchant.example/ret", "NetCashPayType", "NETCASH");
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var params = order(p, p.accessPass);
            params.putAll(extra(p));
            return idpassResult(Wire.idpass(baseUrl, name, params), "Token", Set.of("M01004014"));
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return ledger.number("SELECT count(*) FROM sim_netcash_payment WHERE amount_yen = ?", p.amountYen);
        }
    }

    // ----------------------------------------------------------------------------------------------- openapi rows

    static Result openApiResult(Wire.Answer answer) {
        if (answer.none()) {
            return new Result(Verdict.RETRY, answer);
        }
        int status = answer.status();
        if (status == 200 || status == 201 || status == 202) {
            return new Result(Verdict.ACKED, answer);
        }
        boolean problem = answer.contentType().startsWith("application/problem+json");
        // 409 in flight or held, 429 busy, 502 outcome unknown, 503 database unavailable: all retryable
        if (problem && (status == 409 || status == 429 || status == 502 || status == 503)) {
            return new Result(Verdict.RETRY, answer);
        }
        return new Result(Verdict.WRONG, answer);
    }

    static boolean openApiRefusal(Wire.Answer answer) {
        return answer.status() >= 400 && answer.status() < 500
                && answer.contentType().startsWith("application/problem+json");
    }

    static final class CreditCharge implements Operation {
        @Override
        public String name() {
            return "openapi /credit/charge";
        }

        @Override
        public String statusAfter() {
            return "AUTH";
        }

        @Override
        public boolean replays() {
            return true;
        }

        static String body(Payment p, long amount) {
            return """
                    {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
                      "nameShort":"サンプル","contactName":"サポート窓口","contactPhone":"0120-123-456",
                      "contactOpeningHours":"10:00-18:00"},
                     "order":{"orderId":"%s","amount":"%d","transactionType":"CIT"},
                     "payer":{"name":"見本 太郎"},
                     "creditInformation":{"card":{"cardNumber":"%s","expiryMonth":"06","expiryYear":"2033",
                       "securityCode":"%s"},
                      "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false}}}"""
                    .formatted(p.orderId, amount, p.cardNo, p.securityCode);
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var answer = Wire.openapi(baseUrl, "/credit/charge", p.shop.basic(), body(p, p.amountYen),
                    Map.of("Idempotency-Key", p.key(name())));
            var result = openApiResult(answer);
            if (result.verdict() == Verdict.ACKED) {
                p.accessId = jsonString(answer.body(), "accessId");
            }
            return result;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return ledger.number("SELECT count(*) FROM sim_card_operation o JOIN sim_card_authorization a ON a.auth_ref = o.auth_ref "
                    + "WHERE o.kind = 'AUTHORIZE' AND o.result LIKE 'A|%' AND a.card_last4 = ? AND a.amount_yen = ?",
                    last4(p), p.amountYen);
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            // the same key for another request
            return Wire.openapi(baseUrl, "/credit/charge", p.shop.basic(), body(p, p.amountYen + 1),
                    Map.of("Idempotency-Key", p.key(name())));
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return openApiRefusal(answer);
        }
    }

    static class OpenApiOrderOperation implements Operation {
        private final String path;
        private final String statusAfter;

        OpenApiOrderOperation(String path, String statusAfter) {
            this.path = path;
            this.statusAfter = statusAfter;
        }

        @Override
        public String name() {
            return "openapi " + path;
        }

        @Override
        public String statusAfter() {
            return statusAfter;
        }

        @Override
        public boolean replays() {
            return true;
        }

        String body(Payment p) {
            return "{\"accessId\":\"" + p.accessId + "\"}";
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            return openApiResult(Wire.openapi(baseUrl, path, p.shop.basic(), body(p), Map.of("Idempotency-Key", p.key(name()))));
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            String kind = path.equals("/order/capture") ? "CAPTURE" : "VOID";
            return ledger.number("SELECT count(*) FROM sim_card_operation o WHERE o.kind = ? AND o.result LIKE 'A|%' "
                    + "AND o.auth_ref IN (SELECT auth_ref FROM sim_card_authorization WHERE card_last4 = ? AND amount_yen IN (?, ?))",
                    kind, last4(p), p.amountYen, p.changedAmountYen);
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            return Wire.openapi(baseUrl, path, p.shop.basic(), "{\"accessId\":\"" + "f".repeat(32) + "\"}",
                    Map.of("Idempotency-Key", p.key(name())));
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return openApiRefusal(answer);
        }
    }
}
