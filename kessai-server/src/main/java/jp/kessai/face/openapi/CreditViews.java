package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.OpenApiJson.put;
import static jp.kessai.face.openapi.OpenApiJson.time;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditDetail;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.FlowKind;
import jp.kessai.core.threeds.ThreeDsResults;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders credit transactions as the OpenAPI type's objects (OrderReferenceCredit, CreditResult, ErrorInformation),
 * members in the order of the spec's examples, null members omitted; and core outcomes as replies.
 */
@Component
class CreditViews {

    private final OpenApiJson json;
    private final ThreeDsResults threeDs;
    private final Tds2Wire tds2;

    CreditViews(OpenApiJson json, ThreeDsResults threeDs, Tds2Wire tds2) {
        this.json = json;
        this.threeDs = threeDs;
        this.tds2 = tds2;
    }

    /** A card verification (有効性確認): its views have no amount. */
    boolean verification(Transaction.Credit transaction) {
        Order order = transaction.order();
        return order.status() == OrderStatus.CHECK || threeDs.flowOf(order)
                .map(flow -> flow.kind() == FlowKind.VERIFICATION).orElse(false);
    }

    /** Whether the transaction went through 3-D Secure (has a flow). */
    boolean throughTds2(Transaction.Credit transaction) {
        return threeDs.flowOf(transaction.order()).isPresent();
    }

    /** tds2Result, when the transaction went through 3-D Secure and the 3DS server gave a result. */
    Optional<ObjectNode> tds2Result(Transaction.Credit transaction) {
        return threeDs.resultOf(transaction.order()).map(tds2::tds2Result);
    }

    ObjectNode orderReference(Transaction.Credit transaction) {
        Order order = transaction.order();
        ObjectNode node = json.object();
        node.put("accessId", order.accessId());
        node.put("accessPass", order.accessPass().expose());
        node.put("orderId", order.orderId());
        node.put("status", OpenApiStatusNames.of(order.status()));
        node.put("created", time(order.createdAt()));
        node.put("updated", time(transaction.updatedAt()));
        if (!verification(transaction)) {
            node.put("amount", order.status() == OrderStatus.CANCEL ? "0" : Long.toString(order.amountYen()));
        }
        ClientFields fields = order.clientFields();
        if (fields != null && (fields.field1() != null || fields.field2() != null || fields.field3() != null)) {
            ObjectNode clientFields = json.object();
            put(clientFields, "clientField1", fields.field1());
            put(clientFields, "clientField2", fields.field2());
            put(clientFields, "clientField3", fields.field3());
            node.set("clientFields", clientFields);
        }
        node.put("chargeType", "CREDIT");
        return node;
    }

    /** OAS CreditResult.cardType: APPLE_PAY and GOOGLE_PAY for wallet tokens, CREDIT_CARD otherwise (MP tokens too). */
    static String cardType(CreditDetail detail) {
        if (detail == null) {
            return "CREDIT_CARD";
        }
        return switch (detail.cardSource()) {
            case APPLE_PAY -> "APPLE_PAY";
            case GOOGLE_PAY -> "GOOGLE_PAY";
            case CARD_DATA, MP_TOKEN -> "CREDIT_CARD";
        };
    }

    ObjectNode creditResult(Transaction.Credit transaction) {
        Order order = transaction.order();
        CreditDetail detail = transaction.detail();
        ObjectNode node = json.object();
        node.put("cardType", cardType(detail));
        ObjectNode card = json.object();
        put(card, "cardNumber", order.cardNoMasked());
        if (detail != null) {
            put(card, "cardholderName", detail.cardholderName());
            put(card, "expiryMonth", detail.expiryMonth());
            put(card, "expiryYear", detail.expiryYear());
            put(card, "issuerCode", detail.issuerCode());
            put(card, "brand", detail.brand());
        }
        node.set("cardResult", card);
        if (detail != null) {
            put(node, "forwardedAcquirerCode", detail.forwardedCode());
            put(node, "approvalCode", detail.approvalCode());
            put(node, "nwTransactionId", detail.nwTransactionId());
            put(node, "transactionDateTime", time(detail.transactionAt()));
            if (order.status() == OrderStatus.AUTH) {
                put(node, "captureExpiryDateTime", time(detail.captureExpiresAt()));
            }
        }
        node.put("useTds2", throughTds2(transaction));
        node.put("useFraudDetection", false);
        return node;
    }

    /** ErrorInformation of the last failed operation, if the last operation failed. */
    Optional<ObjectNode> errorInformation(Transaction.Credit transaction) {
        CreditDetail detail = transaction.detail();
        if (detail == null || detail.lastErrorResult() == null) {
            return Optional.empty();
        }
        Problem problem = OpenApiResultCodes.of(detail.lastErrorResult(), detail.lastErrorCode());
        ObjectNode node = json.object();
        node.put("title", problem.title().title());
        node.put("detail", problem.detail());
        return Optional.of(node);
    }

    /** {orderReference, creditResult}: the body of capture, update and cancel. */
    ObjectNode orderAndCredit(Transaction.Credit transaction) {
        ObjectNode node = json.object();
        node.set("orderReference", orderReference(transaction));
        node.set("creditResult", creditResult(transaction));
        return node;
    }

    /**
     * The reply for a core outcome: {@code status} with {@code body} on success, else the problem. An unknown
     * processor outcome carries the AccessID so that a retry with the same Idempotency-Key resumes it.
     */
    Reply reply(CreditOutcome outcome, String path, int status, Function<Transaction.Credit, ObjectNode> body) {
        if (outcome.ok()) {
            return Reply.json(status, json.write(body.apply(outcome.transaction())));
        }
        Reply problem = json.problem(OpenApiResultCodes.of(outcome.code(), outcome.declineCode(), path), path);
        boolean unsettled = outcome.code() == ResultCode.PROCESSOR_OUTCOME_UNKNOWN
                || (outcome.code() == ResultCode.OPERATION_IN_PROGRESS && outcome.transaction() != null);
        if (unsettled && outcome.transaction() != null) {
            return new Reply(problem.status(), problem.body(), true, outcome.transaction().order().accessId());
        }
        return problem;
    }

    static final List<OrderStatus> CHARGED = List.of(OrderStatus.AUTH, OrderStatus.CAPTURE);
}
