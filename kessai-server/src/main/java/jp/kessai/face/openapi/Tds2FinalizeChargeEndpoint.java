package jp.kessai.face.openapi;

import java.util.Optional;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.ThreeDsFinalize;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** POST /tds2/finalizeCharge: 201 Tds2FinalizeChargeResponse, nextAction CAPTURE (AUTH) or NO_ACTION (CAPTURE). */
@Component
class Tds2FinalizeChargeEndpoint extends Tds2FinalizeEndpoint {

    static final String PATH = "/tds2/finalizeCharge";

    private final ThreeDsFinalize finalize;

    Tds2FinalizeChargeEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, ThreeDsFinalize finalize) {
        super(mapper, views, json, PATH);
        this.finalize = finalize;
    }

    @Override
    String schema() {
        return "Tds2FinalizeChargeRequest";
    }

    @Override
    Optional<Reply> resumed(OpenApiCall call, String accessId) {
        var idempotency = call.idempotency();
        return finalize.resumeCharge(call.shop(), accessId, idempotency.joining(this::render))
                .map(outcome -> idempotency.answer(outcome, this::render));
    }

    @Override
    CreditOutcome run(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        return finalize.finalizeCharge(shop, accessId, participant);
    }

    @Override
    String nextAction(Transaction.Credit transaction) {
        return transaction.order().status() == OrderStatus.AUTH ? "CAPTURE" : "NO_ACTION";
    }
}
