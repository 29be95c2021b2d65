package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOnfileCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsResults;
import jp.kessai.core.threeds.ThreeDsStart;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/on-file/charge: the member's stored card (cardId, else index, else the default card) charged as
 * /credit/charge charges card data. Without 3-D Secure (useTds2 false): 201 CreditChargeResponse. With it (useTds2
 * true, the default): 202 CreditChargeTds2Response with the redirect to Kessai's 3DS pages, as /credit/charge; the
 * core opens the stored card from the vault (its number never reaches this face), or 201 when the card is not
 * enrolled and skipNotEnrolledCard is true.
 */
@Component
class CreditOnfileChargeEndpoint implements OpenApiOperation {

    static final String PATH = "/credit/on-file/charge";
    private static final String INFORMATION = "creditOnfileInformation";
    private static final String OPTIONS = INFORMATION + ".creditChargeOptions";

    private final SchemaValidator validator;
    private final CreditOnfileCharge charge;
    private final CreditInquiry inquiry;
    private final CreditViews views;
    private final OpenApiJson json;
    private final ThreeDsStart threeDs;
    private final ThreeDsResults threeDsResults;
    private final Tds2Wire tds2;

    CreditOnfileChargeEndpoint(JsonMapper mapper, CreditOnfileCharge charge, CreditInquiry inquiry, CreditViews views,
            OpenApiJson json, ThreeDsStart threeDs, ThreeDsResults threeDsResults, Tds2Wire tds2) {
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
        if (Tds2Wire.useTds2(call.body().get(INFORMATION).get("creditChargeOptions"))) {
            String base = tds2.base();
            Function<StartOutcome, Reply> render = started -> renderStart(started, base);
            StartOutcome started = threeDs.chargeOnFile(call.shop(), Channel.OPENAPI, command(call),
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

    /** As /credit/charge: a retry after an unknown outcome answers from the order instead of charging again. */
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
        Optional<Problem> problem = validator.validate("CreditOnfileChargeRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get(INFORMATION);
        problem = CardInput.creditCardOnly(information.get("onfileCard"), INFORMATION + ".onfileCard");
        if (problem.isPresent()) {
            return problem;
        }
        long amount = Long.parseLong(body.get("order").get("amount").stringValue());
        if (amount < 1 || amount > CreditChargeEndpoint.MAX_AMOUNT_YEN) {
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

    private CreditOnfileCharge.Command command(OpenApiCall call) {
        JsonNode body = call.body();
        JsonNode order = body.get("order");
        JsonNode onfileCard = body.get(INFORMATION).get("onfileCard");
        JsonNode options = body.get(INFORMATION).get("creditChargeOptions");
        CreditPaymentMethod method = paymentMethod(options);
        String itemCode = text(options, "itemCode");
        var source = CardInput.onFile(onfileCard);
        return new CreditOnfileCharge.Command(text(order, "orderId"), Long.parseLong(text(order, "amount")),
                CreditChargeEndpoint.clientFields(order.get("clientFields")), source.memberId(), source.selector(),
                source.cardholderName(), "CAPTURE".equals(text(options, "authorizationMode")), method,
                method == CreditPaymentMethod.INSTALLMENT ? Integer.valueOf(text(options, "installments")) : null,
                itemCode == null ? "0000990" : itemCode, call.apiVersion(), requestDetails(body));
    }

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
}
