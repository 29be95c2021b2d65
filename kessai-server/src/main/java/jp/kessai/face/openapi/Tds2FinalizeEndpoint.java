package jp.kessai.face.openapi;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.Transactions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared shape of /tds2/finalizeCharge and /tds2/finalizeVerification (3Dセキュア後の支払い / 有効性確認):
 * {accessId} of a transaction whose 3-D Secure ran with autoAuthorization false; 201 with orderReference,
 * creditResult (useTds2 true) and tds2Result; 402 when authentication failed (no authorisation follows it) or the
 * authorisation was declined; 400 invalid_status in any other state, invalid_parameter for another shop's accessId.
 */
abstract class Tds2FinalizeEndpoint extends CheckedEndpoint {

    protected final CreditViews views;
    private final CreditInquiry inquiry;
    private final Transactions transactions;

    Tds2FinalizeEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry,
            Transactions transactions, String path) {
        super(mapper, json, path, true);
        this.views = views;
        this.inquiry = inquiry;
        this.transactions = transactions;
    }

    abstract String schema();

    /** The authorisation operations this endpoint runs (to recognise its own settled attempt on resume). */
    abstract List<Operation> operations();

    abstract CreditOutcome run(Shop shop, String accessId, Participant<CreditOutcome> participant);

    abstract String nextAction(Transaction.Credit transaction);

    private Reply render(CreditOutcome outcome) {
        return views.reply(outcome, path(), 201, this::body);
    }

    ObjectNode body(Transaction.Credit transaction) {
        ObjectNode node = json.object();
        node.put("nextAction", nextAction(transaction));
        node.set("orderReference", views.orderReference(transaction));
        node.set("creditResult", views.creditResult(transaction));
        views.tds2Result(transaction).ifPresent(result -> node.set("tds2Result", result));
        return node;
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        return validator.validate(schema(), body, "");
    }

    @Override
    Reply run(OpenApiCall call) {
        return answer(call, call.body().get("accessId").stringValue());
    }

    /** Runs the finalisation of a validated request and renders it (joined with the idempotency record). */
    Reply answer(OpenApiCall call, String accessId) {
        var idempotency = call.idempotency();
        return idempotency.answer(run(call.shop(), accessId, idempotency.joining(this::render)), this::render);
    }

    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        if (accessId == null) {
            accessId = CreditChargeEndpoint.text(call.body(), "accessId");
        }
        if (accessId == null || !accessId.matches("[a-zA-Z0-9]{32}")) {
            return handle(call);
        }
        CreditOutcome found = inquiry.inquire(call.shop(), accessId, null);
        if (found.ok()) {
            var order = found.transaction().order();
            if (order.pendingOperation() != null) {
                return views.reply(new CreditOutcome(ResultCode.OPERATION_IN_PROGRESS, found.transaction(), null),
                        path(), 201, this::body);
            }
            var last = transactions.lastAttempt(found.transaction()).orElse(null);
            if (last != null && last.state() == AttemptState.SUCCEEDED && operations().contains(last.operation())) {
                return render(found);
            }
        }
        return handle(call);
    }
}
