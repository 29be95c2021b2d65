package jp.kessai.core.order.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.JournalEntry;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.secret.AccessPass;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order storage and the write-ahead journal of processor calls. Every query is scoped by shop (or by the attempt's
 * own order). Only the core's pipeline, read model and reconciler use it; the statements join the caller's
 * transaction. A claim and a finish are one statement each: the order row and its journal row change together.
 */
@Repository
public class Orders {

    private static final String COLUMNS = """
            id, shop_pk, order_id, payment_method, access_id, access_pass, status, job_cd, amount_yen, tax_yen,
            client_field1, client_field2, client_field3, card_no_masked, carry_info, processor_ref, pending_operation,
            processed_at, sold_at, created_at, updated_at, channel, processor_reached""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    Orders(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Registers a new order with a fresh 32-character AccessID/AccessPass; empty if the OrderID is taken. */
    public Optional<Order> register(long shopPk, String orderId, PaymentMethod method, Channel channel,
            OrderStatus initial, long amountYen, long taxYen) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            return jdbc.sql("""
                    INSERT INTO payment_order (shop_pk, order_id, payment_method, access_id, access_pass, status,
                                               amount_yen, tax_yen, processed_at, created_at, updated_at, channel)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT payment_order_unique_order DO NOTHING
                    RETURNING """ + " " + COLUMNS)
                    .params(shopPk, orderId, method.name(), randomHex(), randomHex(), initial.name(), amountYen,
                            taxYen, now, now, now, channel.name())
                    .query(Orders::map)
                    .optional();
        } catch (DuplicateKeyException accessIdCollision) {
            // 128 random bits: a collision is practically impossible, but never hand out a duplicate pair
            return register(shopPk, orderId, method, channel, initial, amountYen, taxYen);
        }
    }

    /**
     * Registers a new order already claimed for {@code operation}, with its PENDING journal entry, in one statement.
     * Empty if the OrderID is taken.
     */
    public Optional<Claimed> registerClaimed(long shopPk, String orderId, PaymentMethod method, Channel channel,
            OrderStatus initial, long amountYen, long taxYen, Operation operation, String processorRef,
            OrderChange onSuccess) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            return jdbc.sql("""
                    WITH o AS (
                        INSERT INTO payment_order (shop_pk, order_id, payment_method, access_id, access_pass, status,
                                                   amount_yen, tax_yen, pending_operation, processed_at, created_at,
                                                   updated_at, channel)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT payment_order_unique_order DO NOTHING
                        RETURNING *),
                    a AS (
                        INSERT INTO order_operation (order_pk, operation, state, processor_ref, success_change, started_at)
                        SELECT id, ?, 'PENDING', ?, CAST(? AS jsonb), ? FROM o
                        RETURNING id)
                    SELECT a.id AS attempt_id, o.* FROM o, a""")
                    .params(shopPk, orderId, method.name(), randomHex(), randomHex(), initial.name(), amountYen,
                            taxYen, operation.name(), now, now, now, channel.name(),
                            operation.name(), processorRef, json.writeValueAsString(onSuccess), now)
                    .query((rs, n) -> new Claimed(map(rs, n),
                            new Attempt(rs.getLong("attempt_id"), rs.getLong("id"), operation, processorRef)))
                    .optional();
        } catch (DuplicateKeyException accessIdCollision) {
            return registerClaimed(shopPk, orderId, method, channel, initial, amountYen, taxYen, operation,
                    processorRef, onSuccess);
        }
    }

    /** An order claimed for an operation, with the journal entry of the call. */
    public record Claimed(Order order, Attempt attempt) {}

    /**
     * Write-ahead step: claims the order for {@code operation} (only from {@code expected} and only if nothing else
     * is in flight) and journals the call as PENDING, in one statement. Empty when the order moved or another call
     * holds it.
     */
    public Optional<Attempt> claim(Order order, OrderStatus expected, Operation operation, String processorRef,
            OrderChange onSuccess) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                WITH o AS (
                    UPDATE payment_order SET pending_operation = ?, updated_at = ?
                     WHERE shop_pk = ? AND id = ? AND status = ? AND pending_operation IS NULL
                    RETURNING id)
                INSERT INTO order_operation (order_pk, operation, state, processor_ref, success_change, started_at)
                SELECT id, ?, 'PENDING', ?, CAST(? AS jsonb), ? FROM o
                RETURNING id""")
                .params(operation.name(), now, order.shopPk(), order.id(), expected.name(),
                        operation.name(), processorRef, json.writeValueAsString(onSuccess), now)
                .query(Long.class).optional()
                .map(id -> new Attempt(id, order.id(), operation, processorRef));
    }

    /**
     * Records how an attempt ended and changes its order, in one statement. SUCCEEDED/FAILED release the order;
     * UNKNOWN keeps it claimed so nothing else runs until the reconciler settles it. Returns the order as it now is.
     */
    public Order finish(Attempt attempt, AttemptState state, String resultCode, boolean processorReached,
            OrderChange change) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean release = state == AttemptState.SUCCEEDED || state == AttemptState.FAILED;
        ClientFields fields = change.clientFields();
        return jdbc.sql("""
                WITH a AS (
                    UPDATE order_operation SET state = :state, result_code = :resultCode, finished_at = :now
                     WHERE id = :attemptId AND order_pk = :id)
                UPDATE payment_order
                   SET status = coalesce(:status, status),
                       job_cd = coalesce(:jobCd, job_cd),
                       card_no_enc = coalesce(:cardEnc, card_no_enc),
                       card_no_masked = coalesce(:cardMasked, card_no_masked),
                       carry_info = coalesce(:carryInfo, carry_info),
                       client_field1 = CASE WHEN :setFields THEN :f1 ELSE client_field1 END,
                       client_field2 = CASE WHEN :setFields THEN :f2 ELSE client_field2 END,
                       client_field3 = CASE WHEN :setFields THEN :f3 ELSE client_field3 END,
                       sold_at = coalesce(:soldAt, sold_at),
                       amount_yen = coalesce(:amountYen, amount_yen),
                       processor_ref = CASE WHEN :succeeded THEN :ref ELSE processor_ref END,
                       processed_at = CASE WHEN :succeeded THEN :now ELSE processed_at END,
                       pending_operation = CASE WHEN :release THEN NULL ELSE pending_operation END,
                       processor_reached = processor_reached OR :reached,
                       updated_at = :now
                 WHERE id = :id
                RETURNING """ + " " + COLUMNS)
                .param("state", state.name())
                .param("resultCode", resultCode)
                .param("attemptId", attempt.id())
                .param("status", change.status() == null ? null : change.status().name())
                .param("jobCd", change.jobCd())
                .param("cardEnc", change.cardNoSealed())
                .param("cardMasked", change.cardNoMasked())
                .param("carryInfo", change.carryInfo())
                .param("setFields", fields != null)
                .param("f1", fields == null ? null : fields.field1())
                .param("f2", fields == null ? null : fields.field2())
                .param("f3", fields == null ? null : fields.field3())
                .param("soldAt", change.soldAt() == null ? null : Timestamp.from(change.soldAt()))
                .param("amountYen", change.amountYen())
                .param("succeeded", state == AttemptState.SUCCEEDED)
                .param("ref", attempt.processorRef())
                .param("now", now)
                .param("release", release)
                .param("reached", processorReached)
                .param("id", attempt.orderPk())
                .query(Orders::map)
                .single();
    }

    /** The change an attempt journaled at its claim, to apply when the reconciler finds that it succeeded. */
    public OrderChange journaledSuccess(Attempt attempt) {
        String stored = jdbc.sql("SELECT success_change::text FROM order_operation WHERE id = ? AND order_pk = ?")
                .params(attempt.id(), attempt.orderPk()).query(String.class).single();
        return json.readValue(stored, OrderChange.class);
    }

    /**
     * Moves an order that is in {@code from} to {@code to} (no processor call involved), returning it as it now is;
     * empty if it moved or is held. Joins the caller's transaction.
     */
    public Optional<Order> transition(Order order, OrderStatus from, OrderStatus to) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("UPDATE payment_order SET status = ?, processed_at = ?, updated_at = ?"
                        + " WHERE shop_pk = ? AND id = ? AND status = ? AND pending_operation IS NULL"
                        + " RETURNING " + COLUMNS)
                .params(to.name(), now, now, order.shopPk(), order.id(), from.name())
                .query(Orders::map).optional();
    }

    public Optional<Order> findByShopAndAccessId(long shopPk, String accessId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE shop_pk = ? AND access_id = ?")
                .params(shopPk, accessId).query(Orders::map).optional();
    }

    public Optional<Order> findByShopAndOrderId(long shopPk, String orderId, PaymentMethod method) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payment_order WHERE shop_pk = ? AND order_id = ? AND payment_method = ?")
                .params(shopPk, orderId, method.name()).query(Orders::map).optional();
    }

    public List<Order> findByShopAndOrderId(long shopPk, String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE shop_pk = ? AND order_id = ? ORDER BY id")
                .params(shopPk, orderId).query(Orders::map).list();
    }

    /**
     * For the customer's browser and the centers' notices, which know an AccessID but not the shop: the caller must
     * check the transaction's token before revealing or changing anything.
     */
    public Optional<Order> findForCustomerByAccessId(String accessId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE access_id = ?")
                .param(accessId).query(Orders::map).optional();
    }

    public Optional<Order> findById(long shopPk, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE shop_pk = ? AND id = ?")
                .params(shopPk, id).query(Orders::map).optional();
    }

    /**
     * Unsettled attempts for the reconciler: UNKNOWN ones, and PENDING ones older than {@code pendingBefore} (a node
     * died between "called" and "recorded"). Locks them (SKIP LOCKED) so several nodes share the work.
     */
    public List<UnsettledAttempt> lockUnsettled(PaymentMethod method, Instant pendingBefore, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.order_pk, a.operation, a.processor_ref, o.shop_pk, a.started_at, a.state, o.status
                  FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.payment_method = ?
                   AND (a.state = 'UNKNOWN' OR (a.state = 'PENDING' AND a.started_at < ?))
                 ORDER BY a.id
                 LIMIT ?
                 FOR UPDATE OF a SKIP LOCKED""")
                .params(method.name(), Timestamp.from(pendingBefore), limit)
                .query((rs, n) -> new UnsettledAttempt(
                        new Attempt(rs.getLong(1), rs.getLong(2), Operation.valueOf(rs.getString(3)), rs.getString(4)),
                        rs.getLong(5), rs.getTimestamp(6).toInstant(), AttemptState.valueOf(rs.getString(7)),
                        OrderStatus.valueOf(rs.getString(8))))
                .list();
    }

    /** An attempt the reconciler must settle, with the shop that owns its order and the state it holds it in. */
    public record UnsettledAttempt(Attempt attempt, long shopPk, Instant startedAt, AttemptState state,
            OrderStatus orderStatus) {}

    /** The journal of one order, oldest first (for operators and tests). */
    public List<JournalEntry> journal(long shopPk, long orderPk) {
        return jdbc.sql("""
                SELECT a.operation, a.state, a.processor_ref, a.result_code
                  FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.shop_pk = ? AND a.order_pk = ? ORDER BY a.id""")
                .params(shopPk, orderPk)
                .query((rs, n) -> new JournalEntry(Operation.valueOf(rs.getString(1)),
                        AttemptState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The last journal entry of one order, or empty when nothing was ever called for it. */
    public Optional<JournalEntry> lastAttempt(long orderPk) {
        return jdbc.sql("""
                SELECT operation, state, processor_ref, result_code FROM order_operation
                 WHERE order_pk = ? ORDER BY id DESC LIMIT 1""")
                .param(orderPk)
                .query((rs, n) -> new JournalEntry(Operation.valueOf(rs.getString(1)),
                        AttemptState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Statuses as stored, for callers that filter on them in SQL. */
    public static String[] names(Collection<OrderStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Order map(ResultSet rs, int row) throws SQLException {
        String pending = rs.getString("pending_operation");
        Timestamp soldAt = rs.getTimestamp("sold_at");
        return new Order(
                rs.getLong("id"),
                rs.getLong("shop_pk"),
                rs.getString("order_id"),
                PaymentMethod.valueOf(rs.getString("payment_method")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("access_id"),
                new AccessPass(rs.getString("access_pass")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("job_cd"),
                rs.getLong("amount_yen"),
                rs.getLong("tax_yen"),
                new ClientFields(rs.getString("client_field1"), rs.getString("client_field2"),
                        rs.getString("client_field3")),
                rs.getString("card_no_masked"),
                rs.getString("carry_info"),
                rs.getString("processor_ref"),
                pending == null ? null : Operation.valueOf(pending),
                rs.getTimestamp("processed_at").toInstant(),
                soldAt == null ? null : soldAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("processor_reached"));
    }
}
