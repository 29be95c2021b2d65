package jp.kessai.face.openapi;

import java.util.List;
import jp.kessai.core.credit.CreditCapture;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.transaction.Transactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** POST /order/capture: AUTH → SALES; past the capture deadline 400 transaction_expired; else 400 invalid_status. */
@Component
class OrderCaptureEndpoint extends OrderEndpoint {

    private final CreditCapture capture;

    OrderCaptureEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry, Transactions transactions,
            CreditCapture capture) {
        super(mapper, views, json, inquiry, transactions, "/order/capture");
        this.capture = capture;
    }

    @Override
    String schema() {
        return "OrderCaptureRequest";
    }

    @Override
    List<Operation> operations() {
        return List.of(Operation.CAPTURE);
    }

    @Override
    CreditOutcome run(OpenApiCall call, String accessId, Participant<CreditOutcome> participant) {
        return capture.capture(call.shop(), accessId, participant);
    }
}
