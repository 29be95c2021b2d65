package jp.kessai.face.openapi;

import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /order/inquiry (not idempotent): by accessId or orderId (both: they must name the same transaction). 200
 * {orderReference, creditResult, errorInformation of the last operation if it failed}.
 */
@Component
class OrderInquiryEndpoint extends CheckedEndpoint {

    static final String PATH = "/order/inquiry";

    private final CreditInquiry inquiry;
    private final CreditViews views;

    OrderInquiryEndpoint(JsonMapper mapper, CreditInquiry inquiry, CreditViews views, OpenApiJson json) {
        super(mapper, json, PATH, false);
        this.inquiry = inquiry;
        this.views = views;
    }

    /** The schema first: it refuses a number, object, … where a string belongs, before anything reads the value. */
    @Override
    Optional<Problem> validate(JsonNode body) {
        return validator.validate("OrderInquiryRequest", body, "");
    }

    @Override
    Reply run(OpenApiCall call) {
        String accessId = CreditChargeEndpoint.text(call.body(), "accessId");
        String orderId = CreditChargeEndpoint.text(call.body(), "orderId");
        if (accessId == null && orderId == null) {
            return json.problem(Problem.missing("accessId"), PATH);
        }
        CreditOutcome outcome = inquiry.inquire(call.shop(), accessId, orderId);
        if (outcome.code() == ResultCode.ORDER_NOT_FOUND && accessId == null) {
            return json.problem(Problem.notAccepted("orderId"), PATH);
        }
        return views.reply(outcome, PATH, 200, this::body);
    }

    private ObjectNode body(Transaction.Credit transaction) {
        ObjectNode node = views.orderAndCredit(transaction);
        views.tds2Result(transaction).ifPresent(result -> node.set("tds2Result", result));
        views.errorInformation(transaction).ifPresent(error -> node.set("errorInformation", error));
        return node;
    }
}
