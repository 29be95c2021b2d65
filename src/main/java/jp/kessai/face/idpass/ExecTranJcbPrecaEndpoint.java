package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.jcbpreca.JcbPrecaExec;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Order;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.secret.AccessPass;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import org.springframework.stereotype.Component;

/** Seed 000 §2.1.2.2 決済実行: {@code /payment/ExecTranJcbPreca.idPass}. */
@Component
class ExecTranJcbPrecaEndpoint implements IdPassOperation {

    private static final ParamTable PARAMS = new ParamTable(ACCESS_ID_M, ACCESS_PASS_M, ORDER_ID_M, CARD_NO,
            APPROVAL_NO, CLIENT_FIELD1, CLIENT_FIELD2, CLIENT_FIELD3, CARRY_INFO);

    private final ShopCredentials credentials;
    private final JcbPrecaExec exec;

    ExecTranJcbPrecaEndpoint(ShopCredentials credentials, JcbPrecaExec exec) {
        this.credentials = credentials;
        this.exec = exec;
    }

    @Override
    public String name() {
        return "ExecTranJcbPreca";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.MULTI_PAYMENT, new ParamTable(VERSION), PARAMS);
        if (!checked.errors().isEmpty()) {
            return IdPassResponse.errors(checked.errors());
        }
        Optional<Shop> shop = checked.shop();
        var command = new JcbPrecaExec.Command(
                new OrderRef(request.get("AccessID"), new AccessPass(request.get("AccessPass")),
                        request.get("OrderID")),
                new CardNumber(request.get("CardNo")),
                new ApprovalNumber(request.get("ApprovalNo")),
                new ClientFields(request.get("ClientField1"), request.get("ClientField2"), request.get("ClientField3")),
                request.get("CarryInfo"));
        JcbPrecaExec.Result result = exec.pay(shop.orElseThrow(), command);
        if (result.code() == ResultCode.OK) {
            return render(result.order(), result.answer());
        }
        IdPassError error = IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.MULTI_PAYMENT);
        if (!reachedCenter(result)) {
            return IdPassResponse.errors(List.of(error));
        }
        // the payment was attempted: the seed returns the state before processing with the error
        return render(result.order(), result.answer()).withErrors(List.of(error));
    }

    private static boolean reachedCenter(JcbPrecaExec.Result result) {
        return result.answer() != null || result.code() == ResultCode.PROCESSOR_OUTCOME_UNKNOWN
                || result.code() == ResultCode.PROCESSOR_UNAVAILABLE;
    }

    private static IdPassResponse render(Order order, PrecaAnswer answer) {
        var response = IdPassResponse.ok()
                .put("OrderID", order.orderId())
                .put("Status", order.status().name())
                .put("Amount", order.amountYen())
                .put("Tax", order.taxYen());
        switch (answer) {
            case PrecaAnswer.Approved approved -> {
                response.put("BeforeBalance", approved.beforeBalanceYen()).put("AfterBalance", approved.afterBalanceYen());
                WireFormats.putCardState(response, approved.card());
            }
            case PrecaAnswer.Declined declined -> {
                String balance = declined.balanceYen() == null ? "" : declined.balanceYen().toString();
                response.put("BeforeBalance", balance).put("AfterBalance", balance);
                WireFormats.putCardState(response, declined.card());
            }
            case null -> {
                response.put("BeforeBalance", "").put("AfterBalance", "");
                WireFormats.putCardState(response, null);
            }
        }
        return response;
    }
}
