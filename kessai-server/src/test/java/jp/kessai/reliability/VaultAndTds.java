package jp.kessai.reliability;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;
import jp.kessai.reliability.Operation.Result;
import jp.kessai.reliability.Operation.Verdict;

/**
 * The rows of 3-D Secure 2 and the card vault (openapi): every state-changing endpoint, each with its
 * Idempotency-Key, and the customer's browser between a 202 and its {@code /tds2/finalize*}. The processors' books
 * name a payment by its card's last four digits (unique within a run, {@link Payment#newVisa()}) and its amount; the
 * vault, which has no processor, by the payment's own memberId in Kessai's tables.
 */
final class VaultAndTds {

    private VaultAndTds() {}

    static final String CALLBACK = "https://merchant.example/callback";

    static final String MERCHANT = """
            {"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store","nameShort":"サンプル",
             "contactName":"サポート窓口","contactEmail":"support@example.com","contactPhone":"0120-123-456",
             "contactOpeningHours":"10:00-18:00"}""";

    // ------------------------------------------------------------------------------------------------- bodies

    static String card(Payment p) {
        return "{\"cardNumber\":\"" + p.cardNo + "\",\"expiryMonth\":\"06\",\"expiryYear\":\"2033\",\"securityCode\":\""
                + p.securityCode + "\",\"cardholderName\":\"TARO MIHON\"}";
    }

    /** A body with 3-D Secure: useTds2 true, the merchant's callbackUrl, and autoAuthorization false (the merchant finalises). */
    static String withTds2(String body) {
        String tds = body.replace("\"useTds2\":false", "\"useTds2\":true").replace("\"contactOpeningHours\":\"10:00-18:00\"}",
                "\"contactOpeningHours\":\"10:00-18:00\",\"callbackUrl\":\"" + CALLBACK + "\",\"csrfToken\":\"battery\"}");
        if (!tds.contains("\"useTds2\":true") || !tds.contains(CALLBACK)) {
            throw new IllegalArgumentException("not a body with useTds2: " + body);
        }
        return tds.substring(0, tds.length() - 1) + ",\"tds2Information\":{\"tds2Options\":{\"autoAuthorization\":false}}}";
    }

    static String tdsCharge(Payment p, long amount) {
        return withTds2(Lifecycle.CreditCharge.body(p, amount)
                .replace("\"contactOpeningHours\":\"10:00-18:00\"}", "\"contactOpeningHours\":\"10:00-18:00\"}"));
    }

    static String memberCreate(Payment p, String name) {
        return "{\"memberId\":\"" + p.memberId() + "\",\"memberName\":\"" + name + "\"}";
    }

    static String storeCard(Payment p, String holder) {
        return "{\"merchant\":" + MERCHANT + ",\"creditStoringInformation\":{\"card\":" + card(p).replace("TARO MIHON", holder)
                + ",\"onfileCardOptions\":{\"memberId\":\"" + p.memberId() + "\",\"setDefault\":true}}}";
    }

    /** /credit/verifyCard; {@code information}: the inside of creditVerificationInformation besides its options. */
    static String verify(String orderId, String information, String onfileCardOptions) {
        return "{\"merchant\":" + MERCHANT + ",\"order\":{\"orderId\":\"" + orderId + "\",\"transactionType\":\"CIT\"},"
                + "\"payer\":{\"name\":\"見本 太郎\"},\"creditVerificationInformation\":{" + information
                + ",\"creditVerificationOptions\":{\"useTds2\":false}"
                + (onfileCardOptions == null ? "" : ",\"onfileCardOptions\":" + onfileCardOptions) + "}}";
    }

    static String verifyStored(Payment p, String holder) {
        return verify(p.orderId + "-v", "\"onfileCard\":{\"memberId\":\"" + p.memberId()
                + "\",\"type\":\"CREDIT_CARD\",\"cardholderName\":\"" + holder + "\"}", null);
    }

    static String verifyWithTds(Payment p, String holder) {
        return withTds2(verify(p.orderId, "\"card\":" + card(p).replace("TARO MIHON", holder),
                "{\"memberId\":\"" + p.memberId() + "\",\"createNewMember\":true,\"setDefault\":true}"));
    }

    static String onfileCharge(String orderId, long amount, Payment p) {
        return "{\"merchant\":" + MERCHANT + ",\"order\":{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount
                + "\",\"transactionType\":\"MIT\"},\"payer\":{\"name\":\"見本 太郎\"},\"creditOnfileInformation\":{"
                + "\"onfileCard\":{\"memberId\":\"" + p.memberId() + "\",\"type\":\"CREDIT_CARD\"},"
                + "\"creditChargeOptions\":{\"authorizationMode\":\"AUTH\",\"useTds2\":false}}}";
    }

    static String deleteItem(Payment p, String cardId) {
        return "{\"memberId\":\"" + p.memberId() + "\",\"onfileType\":\"CARD\",\"onfileCardType\":\"CREDIT_CARD\",\"cardId\":\""
                + cardId + "\"}";
    }

    static String member(Payment p) {
        return "{\"memberId\":\"" + p.memberId() + "\"}";
    }

    // ------------------------------------------------------------------------------------------------- ledgers

    static long authorisations(Ledger ledger, Payment p, long amount) {
        return ledger.number("SELECT count(*) FROM sim_card_operation o JOIN sim_card_authorization a ON a.auth_ref = o.auth_ref "
                + "WHERE o.kind = 'AUTHORIZE' AND o.result LIKE 'A|%' AND a.card_last4 = ? AND a.amount_yen = ?",
                Lifecycle.last4(p), amount);
    }

    /**
     * 3DS transactions the 3DS server opened for the card and amount that a browser went on with (the 3DS Method or
     * a result; {@code authenticated}: only those with a result). An initiation whose answer was lost (the node died,
     * or the database went away, during the call) is failed by the reconciler and never goes on — no authentication,
     * no authorisation follows it — and the merchant's retry initiates a new one: the 3DS server may then hold two
     * transactions of one order, of which one is used. That is not a second execution; a second authentication or
     * authorisation would be, and the browser and finalisation rows count those.
     */
    static long tdsTransactions(Ledger ledger, Payment p, long amount, boolean authenticated) {
        if (authenticated) {
            return ledger.number("SELECT count(*) FROM sim_tds_transaction WHERE card_last4 = ? AND amount_yen = ?"
                    + " AND trans_status IS NOT NULL", Lifecycle.last4(p), amount);
        }
        // before any browser came (a race right after the initiation), every transaction counts
        long used = ledger.number("SELECT count(*) FROM sim_tds_transaction WHERE card_last4 = ? AND amount_yen = ?"
                + " AND (method_completed OR trans_status IS NOT NULL)", Lifecycle.last4(p), amount);
        return used > 0 ? used : ledger.number("SELECT count(*) FROM sim_tds_transaction WHERE card_last4 = ? AND amount_yen = ?",
                Lifecycle.last4(p), amount);
    }

    static long members(Ledger ledger, Payment p, String condition) {
        return ledger.number("SELECT count(*) FROM vault_member WHERE member_id = ?" + condition, p.memberId());
    }

    static long cards(Ledger ledger, Payment p, String condition) {
        return ledger.number("SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk WHERE m.member_id = ?"
                + condition, p.memberId());
    }

    // ------------------------------------------------------------------------------------------------- rows

    /**
     * An openapi endpoint called with its Idempotency-Key: the same body on every retry, {@code success} its 2xx;
     * the mistake is the same key with another body ({@code 400 invalid_header}).
     */
    static final class Keyed implements Operation {
        private final String name;
        private final String path;
        private final int success;
        private final String statusAfter;
        private final Function<Payment, String> body;
        private final Function<Payment, String> otherBody;
        private final BiConsumer<Payment, Wire.Answer> onAck;
        private final ToLongBiFunction<Ledger, Payment> executions;

        Keyed(String name, String path, int success, String statusAfter, Function<Payment, String> body,
                Function<Payment, String> otherBody, BiConsumer<Payment, Wire.Answer> onAck,
                ToLongBiFunction<Ledger, Payment> executions) {
            this.name = name;
            this.path = path;
            this.success = success;
            this.statusAfter = statusAfter;
            this.body = body;
            this.otherBody = otherBody;
            this.onAck = onAck;
            this.executions = executions;
        }

        @Override
        public String name() {
            return name;
        }

        String path() {
            return path;
        }

        String body(Payment p) {
            return body.apply(p);
        }

        @Override
        public String statusAfter() {
            return statusAfter;
        }

        @Override
        public boolean replays() {
            return true;
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            var answer = Wire.openapi(baseUrl, path, p.shop.basic(), body.apply(p), Map.of("Idempotency-Key", p.key(name)));
            var result = Lifecycle.openApiResult(answer);
            if (result.verdict() == Verdict.ACKED) {
                if (answer.status() != success) {
                    return new Result(Verdict.WRONG, answer);
                }
                onAck.accept(p, answer);
            }
            return result;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return executions.applyAsLong(ledger, p);
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            return Wire.openapi(baseUrl, path, p.shop.basic(), otherBody.apply(p), Map.of("Idempotency-Key", p.key(name)));
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return Lifecycle.openApiRefusal(answer) && answer.body().contains("invalid_header");
        }
    }

    /** Keeps the 202's accessId (as the payment's, or under {@code var}) and its 3DS token. */
    static BiConsumer<Payment, Wire.Answer> redirect(String var) {
        return (p, answer) -> {
            String accessId = Lifecycle.jsonString(answer.body(), "accessId");
            if (var == null) {
                p.accessId = accessId;
            } else {
                p.vars.put(var, accessId);
            }
            String url = Lifecycle.jsonString(answer.body(), "redirectUrl");
            p.vars.put("token " + (var == null ? "" : var), url.substring(url.lastIndexOf('/') + 1));
        };
    }

    static BiConsumer<Payment, Wire.Answer> keep(String var) {
        return (p, answer) -> {
            if (var == null) {
                p.accessId = Lifecycle.jsonString(answer.body(), "accessId");
            } else {
                p.vars.put(var, Lifecycle.jsonString(answer.body(), "accessId"));
            }
        };
    }

    static final BiConsumer<Payment, Wire.Answer> NOTHING = (p, answer) -> { };

    /** Its order's accessId as the body of /tds2/finalize* ({@code var} null: the payment's own). */
    static Function<Payment, String> finalizeBody(String var) {
        return p -> "{\"accessId\":\"" + (var == null ? p.accessId : p.vars.get(var)) + "\"}";
    }

    /**
     * The customer's browser between the 202 and the finalisation: the redirectUrl (the 3DS Method page), then
     * 認証依頼 ({@code /authenticate}), which for the battery's cards (frictionless) ends with a 302 to the merchant's
     * callback. A reload at any moment is what a customer does after a failure, so every retry starts again at the
     * redirectUrl, which answers where the flow stands. Executed once: one 3DS transaction with a result at the 3DS
     * server.
     */
    static final class Browser implements Operation {
        private final String name;
        private final String var;
        private final boolean charge;

        Browser(String name, String var, boolean charge) {
            this.name = name;
            this.var = var;
            this.charge = charge;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String statusAfter() {
            return "AUTHENTICATED";
        }

        @Override
        public boolean replays() {
            return true; // every client reaches the same callback
        }

        @Override
        public Result attempt(String baseUrl, Payment p) {
            String token = p.vars.get("token " + (var == null ? "" : var));
            var open = Wire.page(baseUrl, "GET", "/3ds/" + token, null);
            var verdict = browserVerdict(open);
            if (verdict != null) {
                return new Result(verdict, open);
            }
            var authenticated = Wire.page(baseUrl, "POST", "/3ds/" + token + "/authenticate", "methodCompleted=Y");
            verdict = browserVerdict(authenticated);
            return new Result(verdict == null ? Verdict.RETRY : verdict, authenticated);
        }

        /** null: the 3DS Method page (go on to /authenticate). */
        private static Verdict browserVerdict(Wire.Answer answer) {
            if (answer.none() || answer.status() == 503) {
                return Verdict.RETRY; // node down, database or 3DS server unavailable: the page says "try again"
            }
            if (answer.status() == 302) {
                return answer.body().startsWith(CALLBACK + "?p=") || answer.body().startsWith(CALLBACK + "&p=")
                        ? Verdict.ACKED : Verdict.WRONG;
            }
            if (answer.status() == 200 && answer.body().contains("/authenticate")) {
                return null;
            }
            return Verdict.WRONG;
        }

        @Override
        public long executions(Ledger ledger, Payment p) {
            return tdsTransactions(ledger, p, charge ? amountOf(p) : 0, true);
        }

        long amountOf(Payment p) {
            return var == null ? p.amountYen : p.changedAmountYen;
        }

        @Override
        public Wire.Answer mistake(String baseUrl, Payment p) {
            return Wire.page(baseUrl, "GET", "/3ds/" + "0".repeat(40), null); // a flow that does not exist
        }

        @Override
        public boolean refusedProperly(Wire.Answer answer) {
            return answer.status() == 404;
        }
    }

    // ------------------------------------------------------------------------------------------------- lifecycles

    /** /credit/charge with 3-D Secure (no automatic authorisation), the browser, /tds2/finalizeCharge. */
    static List<Operation> tdsCharge() {
        return List.of(
                new Keyed("openapi /credit/charge (3-D Secure)", "/credit/charge", 202, "AUTHENTICATED",
                        p -> tdsCharge(p, p.amountYen), p -> tdsCharge(p, p.amountYen + 1), redirect(null),
                        (ledger, p) -> tdsTransactions(ledger, p, p.amountYen, false)),
                new Browser("browser 3-D Secure (charge)", null, true),
                new Keyed("openapi /tds2/finalizeCharge", "/tds2/finalizeCharge", 201, "AUTH", finalizeBody(null),
                        p -> "{\"accessId\":\"" + p.accessId + "\",\"x\":1}", NOTHING,
                        (ledger, p) -> authorisations(ledger, p, p.amountYen)));
    }

    /** /credit/verifyCard with 3-D Secure, storing the card for a new member, the browser, /tds2/finalizeVerification. */
    static List<Operation> tdsVerification() {
        return List.of(
                new Keyed("openapi /credit/verifyCard (3-D Secure)", "/credit/verifyCard", 202, "AUTHENTICATED",
                        p -> verifyWithTds(p, "TARO MIHON"), p -> verifyWithTds(p, "JIRO MIHON"), redirect(null),
                        (ledger, p) -> tdsTransactions(ledger, p, 0, false)),
                new Browser("browser 3-D Secure (verification)", null, false),
                new Keyed("openapi /tds2/finalizeVerification", "/tds2/finalizeVerification", 201, "CHECK",
                        finalizeBody(null), p -> "{\"accessId\":\"" + p.accessId + "\",\"x\":1}", NOTHING,
                        // verified once at the acquirer, and the card stored once for the new member
                        (ledger, p) -> {
                            long verified = authorisations(ledger, p, 0);
                            long stored = cards(ledger, p, "");
                            return verified == 1 && stored != 1 ? 100 + stored : verified;
                        }));
    }

    /**
     * The vault: a member, a stored card, its verification, an on-file charge without and one with 3-D Secure (and
     * its browser and finalisation), the card deleted, the member deleted.
     */
    static List<Operation> vault() {
        return List.of(
                new Keyed("openapi /member/create", "/member/create", 201, "ACTIVE", p -> memberCreate(p, "見本 太郎"),
                        p -> memberCreate(p, "見本 次郎"), NOTHING, (ledger, p) -> members(ledger, p, "")),
                new Keyed("openapi /credit/storeCard", "/credit/storeCard", 201, "ACTIVE", p -> storeCard(p, "TARO MIHON"),
                        p -> storeCard(p, "JIRO MIHON"), NOTHING, (ledger, p) -> cards(ledger, p, "")),
                new Keyed("openapi /credit/verifyCard", "/credit/verifyCard", 201, "ACTIVE", p -> verifyStored(p, "TARO MIHON"),
                        p -> verifyStored(p, "JIRO MIHON"), keep("verification"), (ledger, p) -> authorisations(ledger, p, 0)),
                new Keyed("openapi /credit/on-file/charge", "/credit/on-file/charge", 201, "ACTIVE",
                        p -> onfileCharge(p.orderId + "-c", p.amountYen, p), p -> onfileCharge(p.orderId + "-c", p.amountYen + 1, p),
                        keep("charge"), (ledger, p) -> authorisations(ledger, p, p.amountYen)),
                new Keyed("openapi /credit/on-file/charge (3-D Secure)", "/credit/on-file/charge", 202, "ACTIVE",
                        p -> withTds2(onfileCharge(p.orderId + "-t", p.changedAmountYen, p)),
                        p -> withTds2(onfileCharge(p.orderId + "-t", p.changedAmountYen + 1, p)), redirect("tds"),
                        (ledger, p) -> tdsTransactions(ledger, p, p.changedAmountYen, false)),
                new Browser("browser 3-D Secure (on-file charge)", "tds", true),
                new Keyed("openapi /tds2/finalizeCharge (on-file)", "/tds2/finalizeCharge", 201, "ACTIVE", finalizeBody("tds"),
                        p -> "{\"accessId\":\"" + p.vars.get("tds") + "\",\"x\":1}", NOTHING,
                        (ledger, p) -> authorisations(ledger, p, p.changedAmountYen)),
                new Keyed("openapi /member/deleteItem", "/member/deleteItem", 201, "ACTIVE", p -> deleteItem(p, "0"),
                        p -> deleteItem(p, "1"), NOTHING, (ledger, p) -> cards(ledger, p, " AND c.deleted")),
                new Keyed("openapi /member/delete", "/member/delete", 202, "DELETED", VaultAndTds::member,
                        p -> "{\"memberId\":\"" + p.memberId() + "\",\"x\":1}", NOTHING,
                        (ledger, p) -> members(ledger, p, " AND deleted")));
    }

    /** The vault's member as the face shows it: ACTIVE, DELETED (refused as unknown), or "" (no answer). */
    static String memberStatus(String baseUrl, Payment p) {
        var answer = Wire.openapi(baseUrl, "/member/inquiry", p.shop.basic(), member(p), Map.of());
        if (answer.none()) {
            return "";
        }
        return answer.status() == 200 ? "ACTIVE" : answer.status() == 400 && answer.body().contains("(memberId)") ? "DELETED"
                : answer.status() + " " + answer.body();
    }
}
