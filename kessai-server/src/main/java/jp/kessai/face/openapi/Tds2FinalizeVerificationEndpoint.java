package jp.kessai.face.openapi;

import java.util.Optional;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.ThreeDsFinalize;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /tds2/finalizeVerification: 201 Tds2FinalizeVerificationResponse (NO_ACTION, status CHECK, no amount), with
 * onfileCardResult when the /credit/verifyCard request asked to store the card (stored in the finish transaction
 * of the verification). A card the vault refuses at that point (e.g. a duplicate stored meanwhile) answers with the
 * vault's problem, as /credit/verifyCard without 3-D Secure does; the verification itself stands (CHECK).
 */
@Component
class Tds2FinalizeVerificationEndpoint extends Tds2FinalizeEndpoint {

    static final String PATH = "/tds2/finalizeVerification";

    private final ThreeDsFinalize finalize;
    private final VaultViews vaultViews;

    Tds2FinalizeVerificationEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, ThreeDsFinalize finalize, VaultViews vaultViews) {
        super(mapper, views, json, PATH);
        this.finalize = finalize;
        this.vaultViews = vaultViews;
    }

    @Override
    Reply answer(OpenApiCall call, String accessId) {
        var idempotency = call.idempotency();
        return idempotency.answer(finalize.finalizeVerificationStoring(call.shop(), accessId,
                idempotency.joining(this::renderStoring)), this::renderStoring);
    }

    private Reply renderStoring(VerificationOutcome outcome) {
        CreditOutcome credit = outcome.credit();
        if (credit.ok() && outcome.storeRefusal() != null) {
            return json.problem(OpenApiResultCodes.of(outcome.storeRefusal(), null), PATH);
        }
        return views.reply(credit, PATH, 201, transaction -> {
            var node = body(transaction);
            if (outcome.stored() != null) { // the OAS order: ... creditResult, onfileCardResult, tds2Result
                var tds2Result = node.remove("tds2Result");
                node.set("onfileCardResult", vaultViews.onfileCardResult(outcome.stored()));
                if (tds2Result != null) {
                    node.set("tds2Result", tds2Result);
                }
            }
            return node;
        });
    }

    @Override
    String schema() {
        return "Tds2FinalizeVerificationRequest";
    }

    /** The settled verification's answer, onfileCardResult included when the card was stored (now, if not before). */
    @Override
    Optional<Reply> resumed(OpenApiCall call, String accessId) {
        var idempotency = call.idempotency();
        return finalize.resumeVerification(call.shop(), accessId, idempotency.joining(this::renderStoring))
                .map(outcome -> idempotency.answer(outcome, this::renderStoring));
    }

    @Override
    CreditOutcome run(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        return finalize.finalizeVerification(shop, accessId, participant);
    }

    @Override
    String nextAction(Transaction.Credit transaction) {
        return "NO_ACTION";
    }
}
