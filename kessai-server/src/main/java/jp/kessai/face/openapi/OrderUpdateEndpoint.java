package jp.kessai.face.openapi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kessai.core.credit.CreditInquiry;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditUpdate;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Participant;
import jp.kessai.core.transaction.Transactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /order/update: new amount (credit: 1 to 9,999,999 yen) and authorizationMode (required for credit): the
 * transaction ends AUTH or CAPTURE; when the re-authorisation is refused it keeps its old state and amount.
 */
@Component
class OrderUpdateEndpoint extends OrderEndpoint {

    private static final Pattern AMOUNT = Pattern.compile("^[0-9]{1,15}$");

    private final CreditUpdate update;

    OrderUpdateEndpoint(JsonMapper mapper, CreditViews views, OpenApiJson json, CreditInquiry inquiry, Transactions transactions,
            CreditUpdate update) {
        super(mapper, views, json, inquiry, transactions, "/order/update");
        this.update = update;
    }

    @Override
    String schema() {
        return "OrderUpdateRequest";
    }

    @Override
    List<Operation> operations() {
        return List.of(Operation.REAUTHORIZE, Operation.REAUTH_CAPTURE);
    }

    @Override
    Optional<Problem> validateMore(JsonNode body) {
        String amount = body.get("amount").stringValue();
        if (!AMOUNT.matcher(amount).matches() || amount.length() > 7 || Long.parseLong(amount) < 1) {
            return Optional.of(Problem.invalid("amount"));
        }
        if (CreditChargeEndpoint.text(body, "authorizationMode") == null) {
            return Optional.of(Problem.missing("authorizationMode"));
        }
        return Optional.empty();
    }

    @Override
    CreditOutcome run(OpenApiCall call, String accessId, Participant<CreditOutcome> participant) {
        long amount = Long.parseLong(call.body().get("amount").stringValue());
        boolean capture = "CAPTURE".equals(CreditChargeEndpoint.text(call.body(), "authorizationMode"));
        return update.update(call.shop(), accessId, amount, capture, participant);
    }
}
