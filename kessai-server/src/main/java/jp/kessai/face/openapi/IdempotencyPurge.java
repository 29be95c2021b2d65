package jp.kessai.face.openapi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.logging.ExceptionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes Idempotency-Key records older than the window (seed 003: a key is valid for 24 hours from the first
 * request; {@code kessai.openapi.idempotency-window}). After the window a key is a new request anyway, so nothing reads
 * them; they only kept the replayed answers and request fingerprints of a day's traffic for ever.
 *
 * <p>Every node runs it every {@code kessai.openapi.idempotency-purge-interval}. Each statement deletes at most
 * {@code kessai.openapi.idempotency-purge-batch} rows by primary key and commits on its own; rows locked by a request
 * that is claiming its key are skipped ({@code SKIP LOCKED}), so the purge never makes a request wait, and nodes
 * purging at the same time take different rows.
 */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);
    /** Batches in one pass at most; whatever is left waits for the next pass. */
    static final int MAX_BATCHES_PER_PASS = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;
    private final int batch;

    @org.springframework.beans.factory.annotation.Autowired
    IdempotencyPurge(JdbcClient jdbc, Clock clock, KessaiProperties properties) {
        this(jdbc, clock, properties.openapi().idempotencyWindow(), properties.openapi().idempotencyPurgeBatch());
    }

    IdempotencyPurge(JdbcClient jdbc, Clock clock, Duration window, int batch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.batch = batch;
        if (batch < 1) {
            throw new IllegalStateException("kessai.openapi.idempotency-purge-batch must be at least 1");
        }
    }

    @Scheduled(fixedDelayString = "${kessai.openapi.idempotency-purge-interval:10m}",
            initialDelayString = "${kessai.openapi.idempotency-purge-interval:10m}")
    void scheduled() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info("Deleted {} Idempotency-Key records older than {}", deleted, window);
            }
        } catch (RuntimeException e) {
            log.warn("Idempotency-Key purge failed; will retry: {}", ExceptionSummary.of(e));
        }
    }

    /** One pass: deletes records created before now minus the window, batch by batch; returns how many. */
    int purge() {
        Instant cutoff = clock.instant().minus(window);
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            int deleted = jdbc.sql("""
                    DELETE FROM openapi_idempotency
                     WHERE (shop_pk, idem_key) IN (SELECT shop_pk, idem_key FROM openapi_idempotency
                                                    WHERE created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""")
                    .params(Timestamp.from(cutoff), batch)
                    .update();
            total += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return total;
    }
}
