package jp.kessai.core.threeds;

import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditRecords;
import jp.kessai.core.credit.CreditStateTable;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Abandoned flows: a customer who never came back (the seed: no callback then) leaves the order AUTHENTICATED until
 * the flow's deadline (kessai.tds2.flow-lifetime from the 202; kessai.tds2.finalize-window for an authentication
 * waiting for /tds2/finalize*). Past it, the flow is EXPIRED and the order moves by the credit table's EXPIRE row
 * to UNPROCESSED with TDS_EXPIRED as its last error, in one transaction. Runs on the sandbox clock.
 */
@Component
public class ThreeDsExpiry {

    private static final Logger log = LoggerFactory.getLogger(ThreeDsExpiry.class);
    private static final int BATCH = 200;

    private final ThreeDsFlows flows;
    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final CreditRecords records;
    private final TransactionTemplate tx;
    private final Clock clock;

    ThreeDsExpiry(ThreeDsFlows flows, OrderLookup lookup, OperationRunner runner, CreditRecords records,
            TransactionTemplate tx, Clock clock) {
        this.flows = flows;
        this.lookup = lookup;
        this.runner = runner;
        this.records = records;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kessai.tds2.sweep-interval:60s}", initialDelayString = "${kessai.tds2.sweep-interval:60s}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("3DS expiry sweep failed; will retry: {}", e.getClass().getName());
        }
    }

    /** Expires every flow past its deadline; returns how many. */
    public int sweep() {
        int total = 0;
        int found;
        do {
            int[] counts = tx.execute(status -> {
                var due = flows.lockDue(clock.instant(), BATCH);
                int expired = 0;
                for (ThreeDsFlow flow : due) {
                    expired += expireLocked(flow) ? 1 : 0;
                }
                return new int[] {due.size(), expired};
            });
            found = counts == null ? 0 : counts[0];
            total += counts == null ? 0 : counts[1];
        } while (found == BATCH);
        return total;
    }

    /** Expires one flow found past its deadline (by the sweep, or by a customer's late request). */
    boolean expire(ThreeDsFlow flow) {
        Boolean done = tx.execute(status -> expireLocked(flow));
        return Boolean.TRUE.equals(done);
    }

    private boolean expireLocked(ThreeDsFlow flow) {
        Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElse(null);
        if (order == null || order.held()) {
            return false; // an operation holds the order: it decides, the reconciler settles it
        }
        if (order.status() != OrderStatus.AUTHENTICATED) {
            // initiation never made the order AUTHENTICATED (it failed, or its outcome was settled as failed)
            return flows.expired(flow.orderPk(), flow.state()).isPresent();
        }
        return runner.apply(order, CreditStateTable.TABLE, Operation.EXPIRE, after -> {
            flows.expired(flow.orderPk(), flow.state());
            records.recordFailure(flow.orderPk(), ResultCode.TDS_EXPIRED);
        }).isPresent();
    }
}
