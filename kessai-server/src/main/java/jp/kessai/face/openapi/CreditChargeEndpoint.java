package jp.kessai.face.openapi;

import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsResults;
import jp.kessai.core.threeds.ThreeDsStart;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/charge with card data (CreditPanInformation). Without 3-D Secure (useTds2 false): 201
 * CreditChargeResponse with nextAction CAPTURE (AUTH) or NO_ACTION (CAPTURE). With it (useTds2 true, the default):
 * 202 CreditChargeTds2Response with the redirect to Kessai's 3DS pages, or 201 when the card is not enrolled and
 * skipNotEnrolledCard is true. Tokenised cards and fraud detection come with later issues and are refused with a 400
 * that says so.
 */
@Component
class CreditChargeEndpoint implements OpenApiOperation {

    static final String PATH = "/credit/charge";
    /** Credit amounts: 1 to 9,999,999 yen (the protocol type's Amount limit for cards). */
    static final long MAX_AMOUNT_YEN = 9_999_999L;
    static final String OPTIONS = "creditInformation.creditChargeOptions";

    private final SchemaValidator validator;
    private final CreditCharge charge;
    private final CreditInquiry inquiry;
    private final CreditViews views;
    private final OpenApiJson json;
    private final ThreeDsStart threeDs;
    private final ThreeDsResults threeDsResults;
    private final Tds2Wire tds2;

    CreditChargeEndpoint(JsonMapper mapper, CreditCharge charge, CreditInquiry inquiry, CreditViews views, OpenApiJson json,
            ThreeDsStart threeDs, ThreeDsResults threeDsResults, Tds2Wire tds2) {
        this.threeDs = threeDs;
        this.threeDsResults = threeDsResults;
        this.tds2 = tds2;
        this.validator = SchemaValidator.fromClasspath(mapper);
        this.charge = charge;
        this.inquiry = inquiry;
        this.views = views;
        this.json = json;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Reply handle(OpenApiCall call) {
        Optional<Problem> problem = validate(call.body());
        if (problem.isPresent()) {
            return json.problem(problem.get(), PATH);
        }
        var idempotency = call.idempotency();
        if (Tds2Wire.useTds2(call.body().get("creditInformation").get("creditChargeOptions"))) {
            String base = tds2.base();
            Function<StartOutcome, Reply> render = started -> renderStart(started, base);
            StartOutcome started = threeDs.charge(call.shop(), Channel.OPENAPI, command(call),
                    Tds2Wire.request(call.body()), idempotency.joining(render));
            return idempotency.answer(started, render);
        }
        CreditOutcome outcome = charge.charge(call.shop(), Channel.OPENAPI, command(call), idempotency.joining(this::render));
        return idempotency.answer(outcome, this::render);
    }

    /** 202 with the redirect when authentication follows; 201 when the card was charged without it; a problem. */
    private Reply renderStart(StartOutcome started, String base) {
        if (started.redirect()) {
            return Reply.json(202, json.write(tds2.redirectBody(views.orderReference(started.transaction()), base,
                    started.token())));
        }
        return render(started.credit());
    }

    private Reply render(CreditOutcome outcome) {
        return views.reply(outcome, PATH, 201, this::body);
    }

    /**
     * A retry after an unknown outcome (or after the node running the first request died) answers from the order
     * instead of charging again. Without an AccessID the order is found by the request's own orderId: the key and the
     * body are the same, so it is the same request.
     */
    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        String orderId = text(call.body().get("order"), "orderId");
        if (accessId == null && orderId == null) {
            return handle(call);
        }
        CreditOutcome found = accessId != null ? inquiry.inquire(call.shop(), accessId, null)
                : inquiry.inquire(call.shop(), null, orderId);
        if (found.ok()) {
            Transaction.Credit transaction = found.transaction();
            if (transaction.order().pendingOperation() != null) {
                return views.reply(new CreditOutcome(ResultCode.OPERATION_IN_PROGRESS, transaction, null), PATH, 201, this::body);
            }
            if (CreditViews.CHARGED.contains(transaction.order().status())) {
                return views.reply(found, PATH, 201, this::body);
            }
            var flow = threeDsResults.flowOf(transaction.order()).orElse(null);
            if (transaction.order().status() == OrderStatus.AUTHENTICATED && flow != null) {
                return Reply.json(202, json.write(tds2.redirectBody(views.orderReference(transaction), tds2.base(),
                        flow.token())));
            }
        }
        return handle(call);
    }

    private ObjectNode body(Transaction.Credit transaction) {
        ObjectNode node = json.object();
        node.put("nextAction", transaction.order().status() == OrderStatus.AUTH ? "CAPTURE" : "NO_ACTION");
        node.set("orderReference", views.orderReference(transaction));
        node.set("creditResult", views.creditResult(transaction));
        return node;
    }

    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditChargeRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get("creditInformation");
        if (!information.isObject()) {
            return Optional.of(Problem.invalid("creditInformation"));
        }
        if (!SchemaValidator.absent(information.get("tokenizedCard"))) {
            return Optional.of(Problem.notYetSupported("Tokenized card input (MP token, Apple Pay, Google Pay)",
                    "creditInformation.tokenizedCard"));
        }
        problem = validator.validate("CreditPanInformation", information, "creditInformation");
        if (problem.isPresent()) {
            return problem;
        }
        long amount = Long.parseLong(body.get("order").get("amount").stringValue());
        if (amount < 1 || amount > MAX_AMOUNT_YEN) {
            return Optional.of(Problem.invalid("order.amount"));
        }
        JsonNode currency = body.get("order").get("currency");
        if (!SchemaValidator.absent(currency) && !"JPY".equals(currency.stringValue())) {
            return Optional.of(Problem.invalid("order.currency"));
        }
        JsonNode options = information.get("creditChargeOptions");
        problem = Tds2Wire.validate(body, Tds2Wire.useTds2(options));
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode fraud = options.get("useFraudDetection");
        if (!SchemaValidator.absent(fraud) && fraud.booleanValue()) {
            return Optional.of(Problem.notYetSupported("Fraud detection", OPTIONS + ".useFraudDetection"));
        }
        if (paymentMethod(options) == CreditPaymentMethod.INSTALLMENT && SchemaValidator.absent(options.get("installments"))) {
            return Optional.of(Problem.missing(OPTIONS + ".installments"));
        }
        return Optional.empty();
    }

    private CreditCharge.Command command(OpenApiCall call) {
        JsonNode body = call.body();
        JsonNode order = body.get("order");
        JsonNode card = body.get("creditInformation").get("card");
        JsonNode options = body.get("creditInformation").get("creditChargeOptions");
        CreditPaymentMethod method = paymentMethod(options);
        Integer installments = method == CreditPaymentMethod.INSTALLMENT
                ? Integer.valueOf(text(options, "installments")) : null;
        String itemCode = text(options, "itemCode");
        return new CreditCharge.Command(
                text(order, "orderId"),
                Long.parseLong(text(order, "amount")),
                clientFields(order.get("clientFields")),
                new CardNumber(text(card, "cardNumber")),
                text(card, "expiryMonth"),
                text(card, "expiryYear"),
                securityCode(text(card, "securityCode")),
                text(card, "cardholderName"),
                "CAPTURE".equals(text(options, "authorizationMode")),
                method,
                installments,
                itemCode == null ? "0000990" : itemCode,
                call.apiVersion(),
                requestDetails(body));
    }

    /** The security code is optional in CreditPanInformation. */
    private static SecurityCode securityCode(String given) {
        return given == null ? null : new SecurityCode(given);
    }

    /** merchant, order and payer as given (no card data), kept with the transaction. */
    private String requestDetails(JsonNode body) {
        ObjectNode details = json.object();
        for (String name : new String[] {"merchant", "order", "payer"}) {
            details.set(name, body.get(name));
        }
        return json.write(details);
    }

    private static CreditPaymentMethod paymentMethod(JsonNode options) {
        String value = text(options, "paymentMethod");
        return value == null ? CreditPaymentMethod.ONE_TIME : CreditPaymentMethod.valueOf(value);
    }

    static ClientFields clientFields(JsonNode node) {
        if (SchemaValidator.absent(node)) {
            return ClientFields.NONE;
        }
        return new ClientFields(text(node, "clientField1"), text(node, "clientField2"), text(node, "clientField3"));
    }

    /**
     * A string member, null when not set (absent, null or ""). Also null for a member that is not a string: the schema
     * refuses those, and code that looks before the schema did (a resumed request) must not fail on them.
     */
    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return SchemaValidator.absent(value) || !value.isString() ? null : value.stringValue();
    }
}
