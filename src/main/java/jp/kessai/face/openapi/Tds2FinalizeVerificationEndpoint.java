package jp.kessai.face.openapi;

import java.util.List;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.ThreeDsFinalize;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.Transactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /tds2/finalizeVerification: 201 Tds2FinalizeVerificationResponse (NO_ACTION, status CHECK, no amount).
 * Storing the card (onfileCardResult) comes with the card vault.
 */
@Component
class Tds2FinalizeVerificationEndpoint extends Tds2FinalizeEndpoint {

    static final String PATH = "/tds2/finalizeVerification";

    private final ThreeDsFinalize finalize;

    Tds2FinalizeVerificationEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry,
            Transactions transactions, ThreeDsFinalize finalize) {
        super(mapper, views, json, inquiry, transactions);
        this.finalize = finalize;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    String schema() {
        return "Tds2FinalizeVerificationRequest";
    }

    @Override
    List<Operation> operations() {
        return List.of(Operation.VERIFY);
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
