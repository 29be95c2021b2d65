package jp.kessai.core.order;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/** The "load" step shared by operations on an existing order: find it by AccessID, check the pair and OrderID. */
@Component
public class OrderLookup {

    private final Orders orders;

    OrderLookup(Orders orders) {
        this.orders = orders;
    }

    /** The order, or the result code explaining why the reference does not name a {@code method} order of this shop. */
    public Found find(Shop shop, OrderRef ref, PaymentMethod method) {
        Order order = orders.findByShopAndAccessId(shop.id(), ref.accessId()).orElse(null);
        if (order == null) {
            return new Found(null, ResultCode.ORDER_NOT_FOUND);
        }
        if (!MessageDigest.isEqual(order.accessPass().expose().getBytes(StandardCharsets.US_ASCII),
                ref.accessPass().expose().getBytes(StandardCharsets.US_ASCII))) {
            return new Found(null, ResultCode.ACCESS_PASS_MISMATCH);
        }
        if (!order.orderId().equals(ref.orderId())) {
            return new Found(null, ResultCode.ORDER_ID_MISMATCH);
        }
        if (order.method() != method) {
            return new Found(null, ResultCode.PAYMENT_METHOD_MISMATCH);
        }
        if (order.pendingOperation() != null) {
            return new Found(order, ResultCode.OPERATION_IN_PROGRESS);
        }
        return new Found(order, ResultCode.OK);
    }

    public record Found(Order order, ResultCode code) {}
}
