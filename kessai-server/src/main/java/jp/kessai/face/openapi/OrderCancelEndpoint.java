package jp.kessai.face.openapi;

import java.util.List;
import jp.kessai.core.credit.CreditCancel;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.transaction.Transactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** POST /order/cancel: AUTH, SALES or CAPTURE → CANCEL, amount "0". */
@Component
class OrderCancelEndpoint extends OrderEndpoint {

    private final CreditCancel cancel;

    OrderCancelEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry, Transactions transactions,
            CreditCancel cancel) {
        super(mapper, views, json, inquiry, transactions, "/order/cancel");
        this.cancel = cancel;
    }

    @Override
    String schema() {
        return "OrderCancelRequest";
    }

    @Override
    List<Operation> operations() {
        return List.of(Operation.CANCEL);
    }

    @Override
    CreditOutcome run(OpenApiCall call, String accessId, Participant<CreditOutcome> participant) {
        return cancel.cancel(call.shop(), accessId, participant);
    }
}
