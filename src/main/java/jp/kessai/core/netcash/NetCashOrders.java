package jp.kessai.core.netcash;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** NET CASH's own order data (RetURL, NetCashPayType, payment deadline, last error), beside the generic order. */
@Repository
public class NetCashOrders {

    private final JdbcClient jdbc;

    NetCashOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** NET CASH details of an order; {@code failure} is why the payment failed (PAYFAIL), or null. */
    public record Details(String retUrl, String netCashPayType, Instant payDeadline, ResultCode failure) {}

    public Optional<Details> find(long orderPk) {
        return jdbc.sql("SELECT ret_url, net_cash_pay_type, pay_deadline, failure FROM netcash_order WHERE order_pk = ?")
                .param(orderPk)
                .query((rs, n) -> new Details(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : ResultCode.valueOf(rs.getString(4))))
                .optional();
    }

    void save(long orderPk, String retUrl, String netCashPayType, Instant deadline) {
        jdbc.sql("""
                INSERT INTO netcash_order (order_pk, ret_url, net_cash_pay_type, pay_deadline) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_pk) DO UPDATE SET ret_url = excluded.ret_url,
                       net_cash_pay_type = excluded.net_cash_pay_type, pay_deadline = excluded.pay_deadline""")
                .params(orderPk, retUrl, netCashPayType, Timestamp.from(deadline)).update();
    }

    void setFailure(long orderPk, ResultCode failure) {
        jdbc.sql("UPDATE netcash_order SET failure = ? WHERE order_pk = ?").params(failure.name(), orderPk).update();
    }
}
