package jp.kessai.core.netcash;

import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.netcash.internal.NetCashOrders;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.processor.netcash.NetCashResultListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 決済結果受信: the center reports a payment or a cancel. The state change and the merchant's notification commit
 * together (and, with the simulator, together with the center's own booking).
 */
@Component
class NetCashResults implements NetCashResultListener {

    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final NetCashOrders netCashOrders;
    private final NetCashNotifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;

    NetCashResults(OrderLookup lookup, OperationRunner runner, NetCashOrders netCashOrders, NetCashNotifier notifier, TransactionTemplate tx, Clock clock) {
        this.lookup = lookup;
        this.runner = runner;
        this.netCashOrders = netCashOrders;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Verdict onPaid(String paymentRef) {
        return settle(paymentRef, Operation.PAYMENT_NOTICE, null);
    }

    @Override
    public Verdict onCancelled(String paymentRef) {
        return settle(paymentRef, Operation.CANCEL_NOTICE, ResultCode.PAYMENT_FAILED);
    }

    private Verdict settle(String paymentRef, Operation operation, ResultCode failure) {
        return tx.execute(status -> {
            Order order = lookup.forCustomer(paymentRef, PaymentMethod.NET_CASH).orElse(null);
            if (order == null || !NetCashStateTable.TABLE.allows(order.status(), operation)) {
                return Verdict.REFUSED_NOT_OPEN;
            }
            var details = netCashOrders.find(order.id()).orElseThrow();
            if (clock.instant().isAfter(details.payDeadline())) {
                return Verdict.REFUSED_EXPIRED;
            }
            var moved = runner.apply(order, NetCashStateTable.TABLE, operation, after -> {
                if (failure != null) {
                    netCashOrders.setFailure(after.id(), failure);
                }
                notifier.statusChanged(after, failure);
            });
            return moved.isPresent() ? Verdict.ACCEPTED : Verdict.REFUSED_NOT_OPEN;
        });
    }
}
