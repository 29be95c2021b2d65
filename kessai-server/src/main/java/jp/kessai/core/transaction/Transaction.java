package jp.kessai.core.transaction;

import java.time.Instant;
import jp.kessai.core.credit.CreditDetail;
import jp.kessai.core.netcash.NetCashDetails;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;

/**
 * A transaction as every face reads it: one variant per payment method, each with the order (state, amounts, the
 * face that created it, whether the processor was reached) and the method's own details. Faces map {@link #status()}
 * to their wire names in one table each.
 */
public sealed interface Transaction {

    Order order();

    default OrderStatus status() {
        return order().status();
    }

    default PaymentMethod method() {
        return order().method();
    }

    /** The face that created the transaction. */
    default Channel channel() {
        return order().channel();
    }

    /** Whether any processor call of this transaction got an answer or has an unknown outcome. */
    default boolean processorReached() {
        return order().processorReached();
    }

    /** When it last changed (the OpenAPI type's {@code updated}). */
    default Instant updatedAt() {
        return order().updatedAt();
    }

    /** Whether an operation holds it (in flight, or its outcome still being settled). */
    default boolean held() {
        return order().held();
    }

    /** A credit card transaction; {@code detail} is null until a charge was attempted. */
    record Credit(Order order, CreditDetail detail) implements Transaction {}

    record JcbPreca(Order order) implements Transaction {}

    /** A NET CASH transaction; {@code details} is null until the payment was requested. */
    record NetCash(Order order, NetCashDetails details) implements Transaction {}
}
