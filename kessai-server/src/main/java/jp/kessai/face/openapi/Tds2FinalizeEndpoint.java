package jp.kessai.face.openapi;

import java.util.Optional;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.transaction.Transaction;
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

    Tds2FinalizeEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, String path) {
        super(mapper, json, path, true);
        this.views = views;
    }

    abstract String schema();

    abstract CreditOutcome run(Shop shop, String accessId, Participant<CreditOutcome> participant);

    abstract String nextAction(Transaction.Credit transaction);

    Reply render(CreditOutcome outcome) {
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

    /**
     * The answer to a retry (same Idempotency-Key and body) of a finalisation whose first request may have claimed
     * its authorisation, when the core has one (ThreeDsFinalize#resumeCharge / #resumeVerification): in progress
     * (409) while the call is unsettled, else the settled authorisation's answer (stored with the key in the
     * transaction that completes the finish); empty to run the request.
     */
    abstract Optional<Reply> resumed(OpenApiCall call, String accessId);

    /**
     * A retry after an unknown outcome, or after the node running the first request died, answers from the settled
     * authorisation instead of running the finalisation again — which, the order having moved on, would be refused
     * as invalid_status (the reliability battery: finalisations retried after a kill -9 or a failover). Only when
     * nothing was settled (the order is still AUTHENTICATED) does the request run again.
     */
    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        if (accessId == null) {
            accessId = CreditChargeEndpoint.text(call.body(), "accessId");
        }
        if (accessId == null || !accessId.matches("[a-zA-Z0-9]{32}")) {
            return handle(call);
        }
        return resumed(call, accessId).orElseGet(() -> handle(call));
    }
}
