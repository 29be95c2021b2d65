package jp.kessai.core.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.kessai.platform.metrics.Counters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The durable notification outbox. {@link #enqueue} joins the caller's transaction, so a notification exists exactly
 * when the state change that causes it is committed. Delivery is at least once: an event is leased to one dispatcher
 * (several nodes share the table through SKIP LOCKED), and a lease left by a crashed node runs out and is taken again.
 */
@Service
public class Outbox {

    private static final String COLUMNS = """
            id, shop_pk, kind, event_key, target_url, content_type, body, state, attempts, max_attempts,
            retry_interval_seconds, next_attempt_at, last_error, created_at, delivered_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counters counters;

    public Outbox(JdbcClient jdbc, Clock clock, MeterRegistry meters, Counters counters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.counters = counters;
        // what operators watch: the backlog and the dead letters (one cheap query per scrape each)
        Gauge.builder("kessai.notifications.pending", () -> count("PENDING")).register(meters);
        Gauge.builder("kessai.notifications.dead", () -> count("DEAD")).register(meters);
    }

    private long count(String state) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE state = ?").param(state).query(Long.class).single();
    }

    /** Adds the notification (once per shop, kind and event key); due at once. */
    public void enqueue(Notification n) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO notification_outbox (shop_pk, kind, event_key, target_url, content_type, body, state,
                       max_attempts, retry_interval_seconds, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT notification_outbox_once DO NOTHING""")
                .params(n.shopPk(), n.kind().name(), n.eventKey(), n.targetUrl(), n.contentType(), n.body(),
                        n.maxAttempts(), (int) n.retryInterval().toSeconds(), now, now)
                .update();
    }

    public List<OutboxEntry> listByShop(long shopPk, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE shop_pk = ? ORDER BY id DESC LIMIT ?")
                .params(shopPk, limit).query(Outbox::map).list();
    }

    /** The dead-letter list: notifications that used up their attempts. */
    public List<OutboxEntry> deadLettersByShop(long shopPk, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE shop_pk = ? AND state = 'DEAD' ORDER BY id DESC LIMIT ?")
                .params(shopPk, limit).query(Outbox::map).list();
    }

    public List<AttemptView> attemptsByShop(long shopPk, long outboxId) {
        return jdbc.sql("""
                SELECT a.attempted_at, a.http_status, a.outcome, a.detail, a.duration_ms
                  FROM notification_attempt a JOIN notification_outbox o ON o.id = a.outbox_id
                 WHERE o.shop_pk = ? AND a.outbox_id = ? ORDER BY a.id""")
                .params(shopPk, outboxId)
                .query((rs, n) -> new AttemptView(rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Manual resend: the notification is due again now with a fresh set of attempts. */
    public boolean resend(long shopPk, long outboxId) {
        return jdbc.sql("""
                UPDATE notification_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, lease_until = NULL
                 WHERE shop_pk = ? AND id = ?""")
                .params(Timestamp.from(clock.instant()), shopPk, outboxId).update() == 1;
    }

    // --- for the dispatcher ---------------------------------------------------------------------------------

    List<OutboxEntry> claimDue(Duration lease, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE notification_outbox SET lease_until = ?
                 WHERE id IN (SELECT id FROM notification_outbox
                               WHERE state = 'PENDING' AND next_attempt_at <= ?
                                 AND (lease_until IS NULL OR lease_until < ?)
                               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now), limit)
                .query(Outbox::map).list();
    }

    void recordDelivered(OutboxEntry entry, int httpStatus, long durationMs) {
        Timestamp now = Timestamp.from(clock.instant());
        attempt(entry, now, httpStatus, "DELIVERED", null, durationMs);
        counters.increment("kessai.notifications.attempts", "kind", entry.kind().name(), "outcome", "DELIVERED");
        jdbc.sql("""
                UPDATE notification_outbox SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
                       lease_until = NULL, last_error = NULL WHERE id = ?""").params(now, entry.id()).update();
    }

    /** A failed attempt: due again after the retry interval, or dead once the attempts are used up. */
    void recordFailed(OutboxEntry entry, Integer httpStatus, String outcome, String detail, long durationMs) {
        Instant now = clock.instant();
        attempt(entry, Timestamp.from(now), httpStatus, outcome, detail, durationMs);
        counters.increment("kessai.notifications.attempts", "kind", entry.kind().name(), "outcome", outcome);
        boolean dead = entry.attempts() + 1 >= entry.maxAttempts();
        jdbc.sql("""
                UPDATE notification_outbox SET attempts = attempts + 1, state = ?, next_attempt_at = ?,
                       lease_until = NULL, last_error = ? WHERE id = ?""")
                .params(dead ? "DEAD" : "PENDING", Timestamp.from(now.plus(entry.retryInterval())),
                        truncate(detail), entry.id())
                .update();
    }

    /** Not attempted (the shop's stop window): due again at {@code until}, no attempt counted. */
    void postpone(OutboxEntry entry, Instant until) {
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = ?, lease_until = NULL WHERE id = ?")
                .params(Timestamp.from(until), entry.id()).update();
    }

    private void attempt(OutboxEntry entry, Timestamp at, Integer httpStatus, String outcome, String detail, long durationMs) {
        jdbc.sql("""
                INSERT INTO notification_attempt (outbox_id, attempted_at, http_status, outcome, detail, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), at, httpStatus, outcome, truncate(detail), (int) Math.min(durationMs, Integer.MAX_VALUE))
                .update();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new OutboxEntry(rs.getLong("id"), rs.getLong("shop_pk"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("event_key"), rs.getString("target_url"), rs.getString("content_type"), rs.getBytes("body"),
                rs.getString("state"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                Duration.ofSeconds(rs.getInt("retry_interval_seconds")), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    /** One outbox row. */
    public record OutboxEntry(long id, long shopPk, NotificationKind kind, String eventKey, String targetUrl,
            String contentType, byte[] body, String state, int attempts, int maxAttempts, Duration retryInterval,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {

        @Override
        public String toString() {
            return "OutboxEntry[" + id + " " + kind + " " + state + "]";
        }
    }

    /** One recorded delivery attempt. */
    public record AttemptView(Instant attemptedAt, Integer httpStatus, String outcome, String detail, int durationMs) {}
}
