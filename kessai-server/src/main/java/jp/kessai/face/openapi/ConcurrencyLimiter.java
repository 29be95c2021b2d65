package jp.kessai.face.openapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/**
 * Per shop and endpoint in-flight limits (seed 003 同時接続数の制限), counted in this node's memory: a request takes a
 * permit or gets 429 at once, and gives it back when it answers. Admission costs no database statement and no WAL
 * flush, and it cannot outlive its node: a node that dies or restarts holds nothing (a restarted node serves at
 * once). The limit is exact on one node; with N nodes behind a load balancer a shop can have at most N × limit
 * requests in flight (docs/openapi.md).
 */
@Component
class ConcurrencyLimiter {

    static final int DEFAULT_LIMIT = 5;
    static final int ORDER_LIMIT = 10;

    /** One semaphore per (shop, endpoint, limit): a changed limit starts a new count, in-flight requests release their own. */
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** The limit for {@code endpoint}: the shop's own setting, else the seed's table. */
    static int limit(Shop shop, String endpoint) {
        Integer configured = shop.settings().concurrencyLimits().get(endpoint);
        if (configured != null && configured > 0) {
            return configured;
        }
        return endpoint.startsWith("/order/") ? ORDER_LIMIT : DEFAULT_LIMIT;
    }

    /** A held slot, or empty when the shop already has {@code limit} requests in flight on this endpoint here. */
    Optional<Slot> acquire(Shop shop, String endpoint) {
        int limit = limit(shop, endpoint);
        Semaphore semaphore = permits.computeIfAbsent(shop.id() + " " + endpoint + " " + limit, k -> new Semaphore(limit));
        return semaphore.tryAcquire() ? Optional.of(new Slot(semaphore)) : Optional.empty();
    }

    void release(Slot slot) {
        slot.semaphore().release();
    }

    record Slot(Semaphore semaphore) {}
}
