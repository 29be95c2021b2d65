package jp.kessai.core.netcash;

import java.util.stream.Stream;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/**
 * Seed 001 table 1.2.2-1 (NET CASH・nanacoギフト column) with the two states §3.1.2.1 adds: PAYSTART when the customer
 * reaches the payment page through NetCashStart, and PAYFAIL when the customer cancels there.
 */
public final class NetCashStateTable {

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("NET CASH (seed 001 table 1.2.2-1, §3.1.2.1)", Stream.concat(
            Stream.concat(Stream.of(new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED)),
                    Transition.processorCall(OrderStatus.UNPROCESSED, Operation.EXEC, OrderStatus.REQSUCCESS,
                            OrderStatus.UNPROCESSED).stream()),
            Stream.of(
                    new Transition<>(OrderStatus.REQSUCCESS, Operation.START, null, OrderStatus.PAYSTART),
                    new Transition<>(OrderStatus.PAYSTART, Operation.START, null, OrderStatus.PAYSTART),
                    new Transition<>(OrderStatus.PAYSTART, Operation.PAYMENT_NOTICE, null, OrderStatus.PAYSUCCESS),
                    new Transition<>(OrderStatus.PAYSTART, Operation.CANCEL_NOTICE, null, OrderStatus.PAYFAIL),
                    new Transition<>(OrderStatus.REQSUCCESS, Operation.EXPIRE, null, OrderStatus.EXPIRED),
                    new Transition<>(OrderStatus.PAYSTART, Operation.EXPIRE, null, OrderStatus.EXPIRED))).toList());

    private NetCashStateTable() {}
}
