package jp.kessai.core.transaction;

import jp.kessai.core.order.Order;
import jp.kessai.core.order.PaymentMethod;

/** How one payment method completes an order into its {@link Transaction} (its own detail rows). */
public interface TransactionDetails {

    PaymentMethod method();

    Transaction of(Order order);
}
