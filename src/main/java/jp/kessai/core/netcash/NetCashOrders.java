package jp.kessai.core.netcash;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** NET CASH's own order data (RetURL, NetCashPayType, payment deadline, last error), beside the generic order. */
@Repository
public class NetCashOrders {

    private final JdbcClient jdbc;

    NetCashOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** NET CASH details of an order. */
    public record Details(String retUrl, String netCashPayType, Instant payDeadline, String errInfo) {}

    public Optional<Details> find(long orderPk) {
        return jdbc.sql("SELECT ret_url, net_cash_pay_type, pay_deadline, err_info FROM netcash_order WHERE order_pk = ?")
                .param(orderPk)
                .query((rs, n) -> new Details(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    void save(long orderPk, String retUrl, String netCashPayType, Instant deadline) {
        jdbc.sql("""
                INSERT INTO netcash_order (order_pk, ret_url, net_cash_pay_type, pay_deadline) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_pk) DO UPDATE SET ret_url = excluded.ret_url,
                       net_cash_pay_type = excluded.net_cash_pay_type, pay_deadline = excluded.pay_deadline""")
                .params(orderPk, retUrl, netCashPayType, Timestamp.from(deadline)).update();
    }

    void setErrInfo(long orderPk, String errInfo) {
        jdbc.sql("UPDATE netcash_order SET err_info = ? WHERE order_pk = ?").params(errInfo, orderPk).update();
    }
}
