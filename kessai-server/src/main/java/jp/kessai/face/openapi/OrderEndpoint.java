package jp.kessai.face.openapi;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.transaction.Transactions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared shape of /order/capture, /order/update and /order/cancel: validate the body against its schema, run
 * the core operation on the transaction named by {@code accessId}, answer 201 {orderReference, creditResult}. A retry
 * after an unknown outcome answers from the journal once the reconciler settled the attempt.
 */
abstract class OrderEndpoint extends CheckedEndpoint {

    protected final CreditViews views;
    private final CreditInquiry inquiry;
    private final Transactions transactions;

    OrderEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry, Transactions transactions,
            String path) {
        super(mapper, json, path, true);
        this.views = views;
        this.inquiry = inquiry;
        this.transactions = transactions;
    }

    /** The schema of the request body. */
    abstract String schema();

    /** The core operations this endpoint journals (to recognise its own settled attempt on resume). */
    abstract List<Operation> operations();

    /** Checks beyond the schema. */
    Optional<Problem> validateMore(JsonNode body) {
        return Optional.empty();
    }

    /** Runs the core operation; {@code participant} joins its claim and finish (the request's idempotency record). */
    abstract CreditOutcome run(OpenApiCall call, String accessId, Participant<CreditOutcome> participant);

    private Reply render(CreditOutcome outcome) {
        return views.reply(outcome, path(), 201, views::orderAndCredit);
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        return validator.validate(schema(), body, "").or(() -> validateMore(body));
    }

    @Override
    Reply run(OpenApiCall call) {
        String accessId = call.body().get("accessId").stringValue();
        return call.idempotency().answer(run(call, accessId, call.idempotency().joining(this::render)), this::render);
    }

    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        if (accessId == null) { // the first request's node died: the body names the transaction
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
                        path(), 201, views::orderAndCredit);
            }
            var last = transactions.lastAttempt(found.transaction()).orElse(null);
            if (last != null && last.state() == AttemptState.SUCCEEDED && operations().contains(last.operation())) {
                return views.reply(found, path(), 201, views::orderAndCredit);
            }
        }
        return handle(call);
    }
}
