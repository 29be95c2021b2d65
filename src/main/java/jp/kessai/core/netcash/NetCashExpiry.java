package jp.kessai.core.netcash;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** 未入金で支払期限切れ: orders still waiting for the customer past their deadline become EXPIRED, and the merchant is told. */
@Component
public class NetCashExpiry {

    private static final Logger log = LoggerFactory.getLogger(NetCashExpiry.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final NetCashNotifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;

    NetCashExpiry(JdbcClient jdbc, Orders orders, NetCashNotifier notifier, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
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
        int expired;
        do {
            expired = sweepBatch();
            total += expired;
        } while (expired == BATCH);
        return total;
    }

    private int sweepBatch() {
        Integer count = tx.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<long[]> moved = jdbc.sql("""
                    UPDATE payment_order o SET status = 'EXPIRED', processed_at = ?, updated_at = ?
                      FROM (SELECT p.id FROM payment_order p JOIN netcash_order n ON n.order_pk = p.id
                             WHERE p.status IN ('REQSUCCESS', 'PAYSTART') AND p.pending_operation IS NULL
                               AND n.pay_deadline < ?
                             LIMIT ? FOR UPDATE OF p SKIP LOCKED) due
                     WHERE o.id = due.id
                    RETURNING o.shop_pk, o.id""")
                    .params(now, now, now, BATCH)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            moved.forEach(m -> notifier.statusChanged(m[0], m[1], null));
            return moved.size();
        });
        return count == null ? 0 : count;
    }

    /** Expires one order now (found past its deadline by a customer's request). */
    void expire(Order order) {
        tx.executeWithoutResult(status -> {
            if (orders.transition(order, EnumSet.of(OrderStatus.REQSUCCESS, OrderStatus.PAYSTART),
                    NetCashStateTable.TABLE.next(order.status(), Operation.EXPIRE, null).orElseThrow())) {
                notifier.statusChanged(order.shopPk(), order.id(), null);
            }
        });
    }
}
