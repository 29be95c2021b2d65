package jp.kessai.core.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CardEntry;
import jp.kessai.core.credit.CreditDetail;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.order.Order;
import jp.kessai.processor.card.CardAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@link CreditDetail}s, scoped by shop through their order. */
@Repository
public class CreditOrders {

    /** Seed 003 仮売上と確定: an authorisation may be captured until 23:59:59 (JST) 60 days after it was made. */
    public static final int CAPTURE_DAYS = 60;

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The capture deadline of an authorisation made at {@code authorizedAt}. */
    public static Instant captureDeadline(Instant authorizedAt, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(authorizedAt, zone).plusDays(CAPTURE_DAYS);
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    /** Records the card and options of a charge before the acquirer is called (replacing those of a failed try). */
    public void saveCharge(long orderPk, String brand, String expiryMonth, String expiryYear, String cardholderName,
            CreditPaymentMethod method, Integer installments, String itemCode, String apiVersion, String requestDetails,
            CardEntry cardSource) {
        jdbc.sql("""
                INSERT INTO credit_order (order_pk, card_brand, card_expiry_month, card_expiry_year, cardholder_name,
                    payment_method, installments, item_code, api_version, request_details, card_source, updated_at)
                VALUES (:pk, :brand, :month, :year, :holder, :method, :installments, :itemCode, :version,
                    CAST(:details AS jsonb), :source, :now)
                ON CONFLICT (order_pk) DO UPDATE SET card_brand = excluded.card_brand,
                    card_expiry_month = excluded.card_expiry_month, card_expiry_year = excluded.card_expiry_year,
                    cardholder_name = excluded.cardholder_name, payment_method = excluded.payment_method,
                    installments = excluded.installments, item_code = excluded.item_code,
                    api_version = excluded.api_version, request_details = excluded.request_details,
                    card_source = excluded.card_source, updated_at = excluded.updated_at""")
                .param("pk", orderPk).param("brand", brand).param("month", expiryMonth).param("year", expiryYear)
                .param("holder", cardholderName).param("method", method.name()).param("installments", installments)
                .param("itemCode", itemCode).param("version", apiVersion).param("details", requestDetails)
                .param("source", cardSource.name()).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Records an approval; {@code authorized} says whether the order now stands authorised (AUTH). */
    public CreditDetail recordApproval(long orderPk, CardAnswer.Approved approved, boolean authorized) {
        return jdbc.sql("""
                UPDATE credit_order SET approval_code = ?, forwarded_code = ?, issuer_code = ?, nw_transaction_id = ?,
                       transaction_at = ?, capture_expires_at = CASE WHEN ? THEN ? ELSE capture_expires_at END,
                       card_brand = ?, last_error_result = NULL, last_error_code = NULL, updated_at = ?
                 WHERE order_pk = ?
                RETURNING *""")
                .params(approved.approvalCode(), approved.forwardedCode(), approved.issuerCode(),
                        approved.nwTransactionId(), Timestamp.from(approved.processedAt()), authorized,
                        Timestamp.from(captureDeadline(approved.processedAt(), clock.getZone())),
                        approved.brand().name(), Timestamp.from(clock.instant()), orderPk)
                .query(CreditOrders::map).optional().orElse(null);
    }

    /** Records the outcome of a failed operation (shown by /order/inquiry as errorInformation). */
    public CreditDetail recordFailure(long orderPk, ResultCode code, String declineCode) {
        return jdbc.sql("""
                UPDATE credit_order SET last_error_result = ?, last_error_code = ?, updated_at = ? WHERE order_pk = ?
                RETURNING *""")
                .params(code.name(), declineCode, Timestamp.from(clock.instant()), orderPk)
                .query(CreditOrders::map).optional().orElse(null);
    }

    public Optional<CreditDetail> findByShopAndOrder(long shopPk, long orderPk) {
        return jdbc.sql("""
                SELECT c.* FROM credit_order c JOIN payment_order o ON o.id = c.order_pk
                 WHERE o.shop_pk = ? AND c.order_pk = ?""")
                .params(shopPk, orderPk).query(CreditOrders::map).optional();
    }

    /** The order (as the caller has it) with its credit details. */
    public Transaction.Credit load(Order order) {
        return new Transaction.Credit(order, findByShopAndOrder(order.shopPk(), order.id()).orElse(null));
    }

    private static CreditDetail map(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("transaction_at");
        Timestamp expires = rs.getTimestamp("capture_expires_at");
        String error = rs.getString("last_error_result");
        int count = rs.getInt("installments");
        Integer installments = rs.wasNull() ? null : count;
        return new CreditDetail(
                rs.getLong("order_pk"),
                rs.getString("card_brand"),
                rs.getString("card_expiry_month"),
                rs.getString("card_expiry_year"),
                rs.getString("cardholder_name"),
                CreditPaymentMethod.valueOf(rs.getString("payment_method")),
                installments,
                rs.getString("item_code"),
                rs.getString("api_version"),
                rs.getString("approval_code"),
                rs.getString("forwarded_code"),
                rs.getString("issuer_code"),
                rs.getString("nw_transaction_id"),
                at == null ? null : at.toInstant(),
                expires == null ? null : expires.toInstant(),
                error == null ? null : ResultCode.valueOf(error),
                rs.getString("last_error_code"),
                CardEntry.valueOf(rs.getString("card_source")));
    }
}
