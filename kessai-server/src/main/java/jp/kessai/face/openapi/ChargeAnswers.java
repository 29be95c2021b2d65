package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditDetail;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsResults;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the charging endpoints share: /credit/charge and /credit/on-file/charge answer alike (201 CreditChargeResponse,
 * 202 with the 3-D Secure redirect, the retry after an unknown outcome), check the order and the charge options
 * alike, and keep the request's merchant, order and payer alike (/credit/verifyCard too, and it resumes alike). One
 * place for these rules.
 */
@Component
class ChargeAnswers {

    private final CreditInquiry inquiry;
    private final CreditViews views;
    private final OpenApiJson json;
    private final ThreeDsResults threeDsResults;
    private final Tds2Wire tds2;

    ChargeAnswers(CreditInquiry inquiry, CreditViews views, OpenApiJson json, ThreeDsResults threeDsResults,
            Tds2Wire tds2) {
        this.inquiry = inquiry;
        this.views = views;
        this.json = json;
        this.threeDsResults = threeDsResults;
        this.tds2 = tds2;
    }

    /** 201 CreditChargeResponse, or the outcome's problem. */
    Reply charged(CreditOutcome outcome, String path) {
        return views.reply(outcome, path, 201, this::body);
    }

    /** 202 with the redirect to Kessai's 3DS pages for the transaction's flow ({@code base}: this node's address). */
    Reply redirect(Transaction.Credit transaction, String flowToken, String base) {
        return Reply.json(202, json.write(tds2.redirectBody(views.orderReference(transaction), base, flowToken)));
    }

    /**
     * How a 3-D Secure start answers: 202 with the redirect when authentication follows, else as {@code otherwise}
     * (201 when the card was charged without it, or a problem).
     */
    Function<StartOutcome, Reply> started(Function<CreditOutcome, Reply> otherwise) {
        String base = tds2.base();
        return started -> started.redirect() ? redirect(started.transaction(), started.token(), base)
                : otherwise.apply(started.credit());
    }

    /**
     * A retry after an unknown outcome (or after the node running the first request died) answers from the order
     * instead of charging again: in progress, charged, or waiting for 3-D Secure (the same redirect again). Without
     * an AccessID the order is found by the request's own orderId: the key and the body are the same, so it is the
     * same request. Anything else runs the request ({@code handle}).
     */
    Reply resume(OpenApiCall call, String accessId, String path, Function<OpenApiCall, Reply> handle) {
        return resume(call, accessId, path, CreditViews.CHARGED, found -> charged(found, path), true, handle);
    }

    /**
     * {@link #resume} for an endpoint whose done orders are in the states {@code done}, answered by {@code answer}
     * (/credit/verifyCard: CHECK). A failed order (UNPROCESSED) runs the request again, as a failed first request is
     * (seed 003), unless {@code runAgain} is false — its card was behind a single-use token the first run spent: the
     * answer is then the card company's refusal the order records, the one the first request gave.
     */
    Reply resume(OpenApiCall call, String accessId, String path, List<OrderStatus> done,
            Function<CreditOutcome, Reply> answer, boolean runAgain, Function<OpenApiCall, Reply> handle) {
        String orderId = text(call.body().get("order"), "orderId");
        if (accessId == null && orderId == null) {
            return handle.apply(call);
        }
        CreditOutcome found = accessId != null ? inquiry.inquire(call.shop(), accessId, null)
                : inquiry.inquire(call.shop(), null, orderId);
        if (found.ok()) {
            Transaction.Credit transaction = found.transaction();
            if (transaction.order().pendingOperation() != null) {
                return charged(new CreditOutcome(ResultCode.OPERATION_IN_PROGRESS, transaction, null), path);
            }
            if (done.contains(transaction.order().status())) {
                return answer.apply(found);
            }
            var flow = threeDsResults.flowOf(transaction.order()).orElse(null);
            if (transaction.order().status() == OrderStatus.AUTHENTICATED && flow != null) {
                return redirect(transaction, flow.token(), tds2.base());
            }
            CreditDetail detail = transaction.detail();
            if (!runAgain && transaction.order().status() == OrderStatus.UNPROCESSED && detail != null
                    && detail.lastErrorCode() != null) {
                return charged(new CreditOutcome(detail.lastErrorResult(), transaction, detail.lastErrorCode()), path);
            }
        }
        return handle.apply(call);
    }

    private ObjectNode body(Transaction.Credit transaction) {
        ObjectNode node = json.object();
        node.put("nextAction", transaction.order().status() == OrderStatus.AUTH ? "CAPTURE" : "NO_ACTION");
        node.set("orderReference", views.orderReference(transaction));
        node.set("creditResult", views.creditResult(transaction));
        return node;
    }

    /** merchant, order and payer as given (no card data), kept with the transaction. */
    static String requestDetails(OpenApiJson json, JsonNode body) {
        ObjectNode details = json.object();
        for (String name : new String[] {"merchant", "order", "payer"}) {
            details.set(name, body.get(name));
        }
        return json.write(details);
    }

    static CreditPaymentMethod paymentMethod(JsonNode options) {
        String value = text(options, "paymentMethod");
        return value == null ? CreditPaymentMethod.ONE_TIME : CreditPaymentMethod.valueOf(value);
    }

    /**
     * The checks after the schema that a charge's order and options (at {@code optionsPath}) share, in this order:
     * amount, currency, 3-D Secure members, fraud detection.
     */
    static Optional<Problem> checkOrder(JsonNode body, JsonNode options, String optionsPath) {
        long amount = Long.parseLong(body.get("order").get("amount").stringValue());
        if (amount < 1 || amount > CreditChargeEndpoint.MAX_AMOUNT_YEN) {
            return Optional.of(Problem.invalid("order.amount"));
        }
        JsonNode currency = body.get("order").get("currency");
        if (!SchemaValidator.absent(currency) && !"JPY".equals(currency.stringValue())) {
            return Optional.of(Problem.invalid("order.currency"));
        }
        Optional<Problem> problem = Tds2Wire.validate(body, Tds2Wire.useTds2(options));
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode fraud = options.get("useFraudDetection");
        if (!SchemaValidator.absent(fraud) && fraud.booleanValue()) {
            return Optional.of(Problem.notYetSupported("Fraud detection", optionsPath + ".useFraudDetection"));
        }
        return Optional.empty();
    }

    /** Installment payments name their number of installments. */
    static Optional<Problem> checkInstallments(JsonNode options, String optionsPath) {
        if (paymentMethod(options) == CreditPaymentMethod.INSTALLMENT && SchemaValidator.absent(options.get("installments"))) {
            return Optional.of(Problem.missing(optionsPath + ".installments"));
        }
        return Optional.empty();
    }

    /** The charge's number of installments, null unless paid in installments. */
    static Integer installments(JsonNode options) {
        return paymentMethod(options) == CreditPaymentMethod.INSTALLMENT ? Integer.valueOf(text(options, "installments"))
                : null;
    }
}
