package jp.kessai.core.jcbpreca;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Service;

/** 取引登録 (EntryTranJcbPreca): registers the order and issues its AccessID/AccessPass. No processor call. */
@Service
public class JcbPrecaEntry {

    private final OperationRunner runner;

    JcbPrecaEntry(OperationRunner runner) {
        this.runner = runner;
    }

    public Result register(Shop shop, Channel channel, String orderId, long amountYen, long taxYen) {
        if (!shop.settings().jcbPrecaContracted()) {
            return new Result(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        return runner.register(shop.id(), orderId, PaymentMethod.JCB_PRECA, channel, JcbPrecaStateTable.TABLE, amountYen, taxYen)
                .map(order -> new Result(ResultCode.OK, order))
                .orElseGet(() -> new Result(ResultCode.ORDER_ID_ALREADY_USED, null));
    }

    public record Result(ResultCode code, Order order) {}
}
