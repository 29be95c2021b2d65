package jp.kessai.face.openapi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per shop and endpoint in-flight limits (seed 003 同時接続数の制限), shared by every node through the database: a
 * request takes one of the endpoint's N slot rows (SELECT … FOR UPDATE SKIP LOCKED, so concurrent requests never
 * take the same slot and never wait) and frees it when it answers. A slot held by a node that died is freed when
 * its lease ends. No free slot → 429 at once.
 */
@Component
class ConcurrencyLimiter {

    static final int DEFAULT_LIMIT = 5;
    static final int ORDER_LIMIT = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    ConcurrencyLimiter(JdbcClient jdbc, Clock clock, KessaiProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.openapi().requestLease();
    }

    /** The limit for {@code endpoint}: the shop's own setting, else the seed's table. */
    static int limit(Shop shop, String endpoint) {
        Integer configured = shop.settings().concurrencyLimits().get(endpoint);
        if (configured != null && configured > 0) {
            return configured;
        }
        return endpoint.startsWith("/order/") ? ORDER_LIMIT : DEFAULT_LIMIT;
    }

    /** A held slot, or empty when the shop already has {@code limit} requests in flight on this endpoint. */
    Optional<Slot> acquire(Shop shop, String endpoint) {
        int limit = limit(shop, endpoint);
        provision(shop.id(), endpoint, limit);
        UUID holder = UUID.randomUUID();
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE openapi_concurrency_slot SET holder = ?, lease_until = ?
                 WHERE id = (SELECT id FROM openapi_concurrency_slot
                              WHERE shop_pk = ? AND endpoint = ? AND slot < ?
                                AND (holder IS NULL OR lease_until < ?)
                              ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .params(holder, Timestamp.from(now.plus(lease)), shop.id(), endpoint, limit, Timestamp.from(now))
                .query(Long.class).optional()
                .map(id -> new Slot(id, holder));
    }

    void release(Slot slot) {
        jdbc.sql("UPDATE openapi_concurrency_slot SET holder = NULL, lease_until = NULL WHERE id = ? AND holder = ?")
                .params(slot.id(), slot.holder()).update();
    }

    private void provision(long shopPk, String endpoint, int limit) {
        if (provisioned.add(shopPk + " " + endpoint + " " + limit)) {
            jdbc.sql("""
                    INSERT INTO openapi_concurrency_slot (shop_pk, endpoint, slot)
                    SELECT ?, ?, s FROM generate_series(0, ? - 1) s
                    ON CONFLICT ON CONSTRAINT openapi_concurrency_slot_unique DO NOTHING""")
                    .params(shopPk, endpoint, limit).update();
        }
    }

    record Slot(long id, UUID holder) {}
}
