package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kessai.it.OpenApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Idempotency-Key records older than the window (24 h) are deleted in small batches, and a row a request holds locked
 * is skipped rather than waited for, so the purge never blocks the hot path.
 */
class IdempotencyPurgeIT extends OpenApiIntegrationTest {

    @Autowired
    IdempotencyPurge purge;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Test
    void recordsOlderThanTheWindowAreDeletedAndNewerOnesKept() {
        long shopPk = demoShopPk();
        Instant now = clock.instant();
        List<String> old = List.of(insert(shopPk, now.minus(Duration.ofHours(25)), "DONE"),
                insert(shopPk, now.minus(Duration.ofHours(24).plusSeconds(5)), "UNKNOWN"),
                insert(shopPk, now.minus(Duration.ofDays(30)), "IN_FLIGHT"));
        List<String> recent = List.of(insert(shopPk, now.minus(Duration.ofHours(23)), "DONE"),
                insert(shopPk, now, "IN_FLIGHT"));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(old.size());

        assertThat(existing(old)).isEmpty();
        assertThat(existing(recent)).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void aSmallBatchDeletesEverythingInSeveralStatements() {
        long shopPk = demoShopPk();
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        List<String> old = List.of(insert(shopPk, longAgo, "DONE"), insert(shopPk, longAgo, "DONE"),
                insert(shopPk, longAgo, "DONE"), insert(shopPk, longAgo, "DONE"), insert(shopPk, longAgo, "DONE"));

        int deleted = new IdempotencyPurge(jdbc, clock, Duration.ofHours(24), 2).purge();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(existing(old)).isEmpty();
    }

    @Test
    void aRowLockedByARequestIsSkippedNotWaitedFor() throws Exception {
        long shopPk = demoShopPk();
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        String locked = insert(shopPk, longAgo, "DONE");
        String free = insert(shopPk, longAgo, "DONE");
        try (Connection request = dataSource.getConnection()) {
            request.setAutoCommit(false);
            try (var lock = request.prepareStatement(
                    "SELECT 1 FROM openapi_idempotency WHERE shop_pk = ? AND idem_key = ? FOR UPDATE")) {
                lock.setLong(1, shopPk);
                lock.setString(2, locked);
                lock.executeQuery().close();
            }

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> purge.purge());

            assertThat(existing(List.of(locked, free))).containsExactly(locked);
            request.rollback();
        }
        purge.purge();
        assertThat(existing(List.of(locked))).isEmpty();
    }

    private long demoShopPk() {
        return jdbc.sql("SELECT id FROM shop WHERE shop_id = ?").param(SHOP_ID).query(Long.class).single();
    }

    private String insert(long shopPk, Instant createdAt, String state) {
        String key = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                VALUES (?, ?, '/order/capture', ?, ?, ?, ?)""")
                .params(shopPk, key, new byte[32], state, Timestamp.from(createdAt), Timestamp.from(createdAt.plusSeconds(300)))
                .update();
        return key;
    }

    private List<String> existing(List<String> keys) {
        return jdbc.sql("SELECT idem_key FROM openapi_idempotency WHERE idem_key IN (:keys)").param("keys", keys)
                .query(String.class).list();
    }
}
