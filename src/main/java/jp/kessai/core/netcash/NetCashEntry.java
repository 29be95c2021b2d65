package jp.kessai.core.netcash;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Service;

/** 取引登録 (EntryTranNetcash). */
@Service
public class NetCashEntry {

    private final Orders orders;

    NetCashEntry(Orders orders) {
        this.orders = orders;
    }

    public Result register(Shop shop, String orderId, long amountYen, long taxYen) {
        if (!shop.settings().netCashContracted()) {
            return new Result(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        var initial = NetCashStateTable.TABLE.next(null, Operation.ENTRY, null).orElseThrow();
        return orders.register(shop.id(), orderId, PaymentMethod.NET_CASH, initial, amountYen, taxYen)
                .map(order -> new Result(ResultCode.OK, order))
                .orElseGet(() -> new Result(ResultCode.ORDER_ID_ALREADY_USED, null));
    }

    public record Result(ResultCode code, Order order) {}
}
