package jp.kessai.core.netcash;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/**
 * Seed 001 table 1.2.2-1 (NET CASH・nanacoギフト column) with the two states §3.1.2.1 adds: PAYSTART when the customer
 * reaches the payment page through NetCashStart, and PAYFAIL when the customer cancels there.
 */
public final class NetCashStateTable {

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("NET CASH (seed 001 table 1.2.2-1, §3.1.2.1)", List.of(
            new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED),
            new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, SUCCESS, OrderStatus.REQSUCCESS),
            new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, FAILURE, OrderStatus.UNPROCESSED),
            new Transition<>(OrderStatus.REQSUCCESS, Operation.START, SUCCESS, OrderStatus.PAYSTART),
            new Transition<>(OrderStatus.PAYSTART, Operation.START, SUCCESS, OrderStatus.PAYSTART),
            new Transition<>(OrderStatus.PAYSTART, Operation.PAYMENT_NOTICE, null, OrderStatus.PAYSUCCESS),
            new Transition<>(OrderStatus.PAYSTART, Operation.CANCEL_NOTICE, null, OrderStatus.PAYFAIL),
            new Transition<>(OrderStatus.REQSUCCESS, Operation.EXPIRE, null, OrderStatus.EXPIRED),
            new Transition<>(OrderStatus.PAYSTART, Operation.EXPIRE, null, OrderStatus.EXPIRED)));

    private NetCashStateTable() {}
}
