package jp.kessai.core.order;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import jp.kessai.core.ResultCode;
import java.util.Optional;
import jp.kessai.core.order.internal.Orders;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/**
 * The "load" step of operations on an existing order, for the core's capabilities: find it by AccessID (checking the
 * pair and the OrderID), by OrderID, or for a customer's browser. Faces read through {@link Transactions}.
 */
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

    public Optional<Order> byAccessId(long shopPk, String accessId) {
        return orders.findByShopAndAccessId(shopPk, accessId);
    }

    public Optional<Order> byOrderId(long shopPk, String orderId, PaymentMethod method) {
        return orders.findByShopAndOrderId(shopPk, orderId, method);
    }

    public Optional<Order> byId(long shopPk, long id) {
        return orders.findById(shopPk, id);
    }

    /** For a customer's browser or a center's notice: the caller checks the token before revealing anything. */
    public Optional<Order> forCustomer(String accessId, PaymentMethod method) {
        return orders.findForCustomerByAccessId(accessId).filter(o -> o.method() == method);
    }

    /** The last journaled processor call of the order, if any. */
    public Optional<JournalEntry> lastAttempt(Order order) {
        return orders.lastAttempt(order.id());
    }

    public record Found(Order order, ResultCode code) {}
}
