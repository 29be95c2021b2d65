package jp.kessai.core.transaction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kessai.core.order.JournalEntry;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Service;

/**
 * The one read model the faces use: a shop's transaction by AccessID, by OrderID, or (for a customer's browser) by
 * AccessID and a token the caller checks. Faces never read core storage or processor types.
 */
@Service
public class Transactions {

    private final OrderLookup orders;
    private final Map<PaymentMethod, TransactionDetails> details = new EnumMap<>(PaymentMethod.class);

    Transactions(OrderLookup orders, List<TransactionDetails> details) {
        this.orders = orders;
        details.forEach(d -> this.details.put(d.method(), d));
        for (PaymentMethod method : PaymentMethod.values()) {
            if (!this.details.containsKey(method)) {
                throw new IllegalStateException("no transaction details for " + method);
            }
        }
    }

    /** The shop's transaction with this AccessID. */
    public Optional<Transaction> byAccessId(Shop shop, String accessId) {
        return orders.byAccessId(shop.id(), accessId).map(this::of);
    }

    /** The shop's transaction of {@code method} with this OrderID. */
    public Optional<Transaction> byOrderId(Shop shop, String orderId, PaymentMethod method) {
        return orders.byOrderId(shop.id(), orderId, method).map(this::of);
    }

    /** For a customer's browser, which knows an AccessID but not the shop: check its token before showing anything. */
    public Optional<Transaction> forCustomer(String accessId, PaymentMethod method) {
        return orders.forCustomer(accessId, method).map(this::of);
    }

    /** The last processor call journaled for the transaction (for a retry to tell whether its work was done). */
    public Optional<JournalEntry> lastAttempt(Transaction transaction) {
        return orders.lastAttempt(transaction.order());
    }

    /** An order the core already holds, completed with its method's details. */
    public Transaction of(Order order) {
        return details.get(order.method()).of(order);
    }
}
