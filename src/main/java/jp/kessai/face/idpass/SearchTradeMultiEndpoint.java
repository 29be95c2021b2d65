package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.NetCashOrders;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/** Seed 000 §3.1.2.1 取引状態参照: {@code /payment/SearchTradeMulti.idPass}. */
@Component
class SearchTradeMultiEndpoint implements IdPassOperation {

    private static final ParamTable PARAMS = new ParamTable(ORDER_ID_E, PAY_TYPE);

    private final ShopCredentials credentials;
    private final Orders orders;
    private final NetCashOrders netCashOrders;

    SearchTradeMultiEndpoint(ShopCredentials credentials, Orders orders, NetCashOrders netCashOrders) {
        this.credentials = credentials;
        this.orders = orders;
        this.netCashOrders = netCashOrders;
    }

    /** Seed 001 §3.1.2.1, NET CASH・nanacoギフト決済 output. */
    private IdPassResponse netCash(Order order) {
        var details = netCashOrders.find(order.id());
        return IdPassResponse.ok()
                .put("Status", order.status().name())
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
                .put("NetCashPayType", details.map(NetCashOrders.Details::netCashPayType).orElse(""));
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
        Optional<Order> found = orders.findByShopAndOrderId(shop.orElseThrow().id(), request.get("OrderID"), method);
        if (found.isEmpty()) {
            return IdPassResponse.errors(List.of(IdPassResultCodes.of(ResultCode.ORDER_NOT_FOUND, IdPassResultCodes.Family.COMMON)));
        }
        Order order = found.get();
        if (order.method() == PaymentMethod.NET_CASH) {
            return netCash(order);
        }
        return IdPassResponse.ok()
                .put("Status", order.status().name())
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
