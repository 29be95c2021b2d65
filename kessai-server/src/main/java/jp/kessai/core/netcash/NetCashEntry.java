package jp.kessai.core.netcash;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Service;

/** 取引登録 (EntryTranNetcash). */
@Service
public class NetCashEntry {

    private final OperationRunner runner;

    NetCashEntry(OperationRunner runner) {
        this.runner = runner;
    }

    public Result register(Shop shop, Channel channel, String orderId, long amountYen, long taxYen) {
        if (!shop.settings().netCashContracted()) {
            return new Result(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        return runner.register(shop.id(), orderId, PaymentMethod.NET_CASH, channel, NetCashStateTable.TABLE, amountYen, taxYen)
                .map(order -> new Result(ResultCode.OK, order))
                .orElseGet(() -> new Result(ResultCode.ORDER_ID_ALREADY_USED, null));
    }

    public record Result(ResultCode code, Order order) {}
}
