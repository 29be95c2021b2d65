package jp.kessai.core.netcash.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.NetCashDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** NET CASH's own order data (RetURL, NetCashPayType, payment deadline, last error), beside the generic order. */
@Repository
public class NetCashOrders {

    private final JdbcClient jdbc;

    private final OrderLookup lookup;

    NetCashOrders(JdbcClient jdbc, OrderLookup lookup) {
        this.jdbc = jdbc;
        this.lookup = lookup;
    }


    public Optional<NetCashDetails> find(long orderPk) {
        return jdbc.sql("SELECT ret_url, net_cash_pay_type, pay_deadline, failure FROM netcash_order WHERE order_pk = ?")
                .param(orderPk)
                .query((rs, n) -> new NetCashDetails(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : ResultCode.valueOf(rs.getString(4))))
                .optional();
    }

    public void save(long orderPk, String retUrl, String netCashPayType, Instant deadline) {
        jdbc.sql("""
                INSERT INTO netcash_order (order_pk, ret_url, net_cash_pay_type, pay_deadline) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_pk) DO UPDATE SET ret_url = excluded.ret_url,
                       net_cash_pay_type = excluded.net_cash_pay_type, pay_deadline = excluded.pay_deadline""")
                .params(orderPk, retUrl, netCashPayType, Timestamp.from(deadline)).update();
    }

    /**
     * Orders in one of {@code waiting} whose payment deadline passed, not held by an operation, locked for this
     * transaction (SKIP LOCKED, so several nodes share the sweep).
     */
    public List<Order> lockDue(Set<OrderStatus> waiting, Instant now, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.shop_pk FROM payment_order p JOIN netcash_order n ON n.order_pk = p.id
                 WHERE p.status = ANY (?) AND p.pending_operation IS NULL AND n.pay_deadline < ?
                 ORDER BY n.pay_deadline LIMIT ? FOR UPDATE OF p SKIP LOCKED""")
                .params(waiting.stream().map(Enum::name).toArray(String[]::new), Timestamp.from(now), limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list().stream()
                .map(row -> lookup.byId(row[1], row[0]).orElseThrow())
                .toList();
    }

    public void setFailure(long orderPk, ResultCode failure) {
        jdbc.sql("UPDATE netcash_order SET failure = ? WHERE order_pk = ?").params(failure.name(), orderPk).update();
    }
}
