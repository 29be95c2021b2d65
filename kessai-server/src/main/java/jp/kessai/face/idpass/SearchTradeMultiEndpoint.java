package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Order;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.Transactions;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/** Seed 000 §3.1.2.1 取引状態参照: {@code /payment/SearchTradeMulti.idPass}. */
@Component
class SearchTradeMultiEndpoint implements IdPassOperation {

    private static final ParamTable PARAMS = new ParamTable(ORDER_ID_E, PAY_TYPE);

    private final ShopCredentials credentials;
    private final Transactions transactions;

    SearchTradeMultiEndpoint(ShopCredentials credentials, Transactions transactions) {
        this.credentials = credentials;
        this.transactions = transactions;
    }

    /** Seed 001 §3.1.2.1, NET CASH・nanacoギフト決済 output. */
    private IdPassResponse netCash(Transaction.NetCash transaction) {
        Order order = transaction.order();
        return IdPassResponse.ok()
                .put("Status", IdPassStatusNames.of(order.status()))
                .put("ProcessDate", WireFormats.processDate(order.processedAt()))
                .put("AccessID", order.accessId())
                .put("AccessPass", order.accessPass().expose())
                .put("Amount", order.amountYen())
                .put("Tax", order.taxYen())
                .put("Currency", WireFormats.CURRENCY_JPY)
                .put("ClientField1", order.clientFields().field1())
                .put("ClientField2", order.clientFields().field2())
                .put("ClientField3", order.clientFields().field3())
                .put("PayType", WireFormats.payType(order.method()))
                .put("NetCashPayType", transaction.details() == null ? "" : transaction.details().netCashPayType());
    }

    @Override
    public String name() {
        return "SearchTradeMulti";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.COMMON, new ParamTable(VERSION), PARAMS);
        List<IdPassError> errors = new ArrayList<>(checked.errors());
        Optional<Shop> shop = checked.shop();
        String payType = request.get(PAY_TYPE.name());
        PaymentMethod method = WireFormats.paymentMethod(payType);
        if (payType != null && method == null && PAY_TYPE.check(payType).isEmpty()) {
            errors.add(new IdPassError(PAY_TYPE.badCharsCode())); // a PayType this server does not serve
        }
        if (!errors.isEmpty()) {
            return IdPassResponse.errors(errors);
        }
        Optional<Transaction> found = transactions.byOrderId(shop.orElseThrow(), request.get("OrderID"), method);
        if (found.isEmpty()) {
            return IdPassResponse.errors(List.of(IdPassResultCodes.of(ResultCode.ORDER_NOT_FOUND, IdPassResultCodes.Family.COMMON)));
        }
        if (found.get() instanceof Transaction.NetCash netCash) {
            return netCash(netCash);
        }
        Order order = found.get().order();
        return IdPassResponse.ok()
                .put("Status", IdPassStatusNames.of(order.status()))
                .put("ProcessDate", WireFormats.processDate(order.processedAt()))
                .put("JobCd", order.jobCd())
                .put("AccessID", order.accessId())
                .put("AccessPass", order.accessPass().expose())
                .put("Amount", order.amountYen())
                .put("Tax", order.taxYen())
                .put("CardNo", order.cardNoMasked())
                .put("ClientField1", order.clientFields().field1())
                .put("ClientField2", order.clientFields().field2())
                .put("ClientField3", order.clientFields().field3())
                .put("PayType", WireFormats.payType(order.method()))
                .put("JcbPrecaSalesCode", order.processorRef());
    }
}
