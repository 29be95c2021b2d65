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
import jp.kessai.core.jcbpreca.PrecaReport;
import jp.kessai.platform.secret.AccessPass;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
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
            return render(result.order(), result.report());
        }
        IdPassError error = IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.MULTI_PAYMENT);
        if (!reachedCenter(result)) {
            return IdPassResponse.errors(List.of(error));
        }
        // the payment was attempted: the seed returns the state before processing with the error
        return render(result.order(), result.report()).withErrors(List.of(error));
    }

    private static boolean reachedCenter(JcbPrecaExec.Result result) {
        return result.report() != null || result.code() == ResultCode.PROCESSOR_OUTCOME_UNKNOWN
                || result.code() == ResultCode.PROCESSOR_UNAVAILABLE;
    }

    private static IdPassResponse render(Order order, PrecaReport report) {
        var response = IdPassResponse.ok()
                .put("OrderID", order.orderId())
                .put("Status", IdPassStatusNames.of(order.status()))
                .put("Amount", order.amountYen())
                .put("Tax", order.taxYen());
        response.put("BeforeBalance", report == null || report.beforeBalanceYen() == null ? "" : report.beforeBalanceYen().toString())
                .put("AfterBalance", report == null || report.afterBalanceYen() == null ? "" : report.afterBalanceYen().toString());
        WireFormats.putCardState(response, report == null ? null : report.card());
        return response;
    }
}
