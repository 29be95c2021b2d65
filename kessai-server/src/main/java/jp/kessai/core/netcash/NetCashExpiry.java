package jp.kessai.core.netcash;

import java.time.Clock;
import jp.kessai.core.netcash.internal.NetCashOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 未入金で支払期限切れ: orders still waiting for the customer past their deadline move by the state table's EXPIRE row
 * (the states it starts from are the table's), and the merchant is told, in the same transaction.
 */
@Component
public class NetCashExpiry {

    private static final Logger log = LoggerFactory.getLogger(NetCashExpiry.class);
    private static final int BATCH = 500;

    private final NetCashOrders netCashOrders;
    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final NetCashNotifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;

    NetCashExpiry(NetCashOrders netCashOrders, OrderLookup lookup, OperationRunner runner, NetCashNotifier notifier,
            TransactionTemplate tx, Clock clock) {
        this.netCashOrders = netCashOrders;
        this.lookup = lookup;
        this.runner = runner;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kessai.notifications.expiry-interval:60s}", initialDelayString = "${kessai.notifications.expiry-interval:60s}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("NET CASH expiry sweep failed; will retry: {}", e.toString());
        }
    }

    /** Expires everything past its deadline; returns how many orders expired. */
    public int sweep() {
        int total = 0;
        int found;
        do {
            int[] batch = sweepBatch();
            found = batch[0];
            total += batch[1];
        } while (found == BATCH);
        return total;
    }

    /** One batch in one transaction: {found, expired}. The due orders are locked (SKIP LOCKED) for several nodes. */
    private int[] sweepBatch() {
        int[] counts = tx.execute(status -> {
            var due = netCashOrders.lockDue(NetCashStateTable.TABLE.sourcesOf(Operation.EXPIRE), clock.instant(), BATCH);
            int expired = 0;
            for (var order : due) {
                expired += expire(order) ? 1 : 0;
            }
            return new int[] {due.size(), expired};
        });
        return counts == null ? new int[2] : counts;
    }

    /** Expires one order now (found past its deadline by a customer's request or the sweep). */
    boolean expire(Order order) {
        return runner.apply(order, NetCashStateTable.TABLE, Operation.EXPIRE, after -> notifier.statusChanged(after, null))
                .isPresent();
    }
}
