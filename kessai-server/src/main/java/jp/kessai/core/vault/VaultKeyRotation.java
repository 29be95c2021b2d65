package jp.kessai.core.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.internal.RotationStore;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.threads.KessaiThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation without downtime. {@link #start} makes a new data key active at once (every new seal on every node
 * uses it) and records a RUNNING run; a background worker then re-seals every sealed row of the mode ({@link
 * SealedRows}: stored cards, credit orders' card numbers) under the new key, in batches of
 * {@code kessai.vault.rotation-batch} rows, each batch one transaction that locks its rows with {@code SKIP LOCKED}
 * (a charge reading a card is never blocked; a row a concurrent request holds is taken by a later batch). Old data
 * keys stay readable, so charges go on during the run. Progress is the data itself (rows still under another key):
 * a run whose node died is taken over after its lease expires ({@code kessai.vault.rotation-lease}), also after a
 * restart, and carries on where it stopped.
 */
@Service
public class VaultKeyRotation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VaultKeyRotation.class);

    private final VaultKeys keys;
    private final RotationStore rotations;
    private final List<SealedRows> sealedRows;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batch;
    private final Duration lease;
    private final String owner = "node-" + UUID.randomUUID();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(KessaiThreads.factory("vault-rotation"));
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean stopping;

    VaultKeyRotation(VaultKeys keys, RotationStore rotations, List<SealedRows> sealedRows, TransactionTemplate tx,
            Clock clock, KessaiProperties properties) {
        this.keys = keys;
        this.rotations = rotations;
        this.sealedRows = List.copyOf(sealedRows);
        this.tx = tx;
        this.clock = clock;
        this.batch = properties.vault().rotationBatch();
        this.lease = properties.vault().rotationLease();
    }

    /** Rotates the mode's data key now and starts re-sealing its rows in the background. */
    public KeyRotation start(ShopMode mode) {
        int target = keys.rotate(mode);
        var row = tx.execute(status -> rotations.start(mode, target, clock.instant()));
        log.info("vault key rotation {} started for {} mode: new data key {}", row.id(), mode, target);
        wake();
        return status(row.id());
    }

    public KeyRotation status(long id) {
        var row = rotations.find(id).orElseThrow();
        return new KeyRotation(row.id(), row.mode().name(), row.targetKeyId(), row.state(), row.rowsResealed(),
                remaining(row.mode(), row.targetKeyId()), row.startedAt(), row.finishedAt());
    }

    public List<KeyRotation> recent() {
        return rotations.recent(20).stream().map(r -> new KeyRotation(r.id(), r.mode().name(), r.targetKeyId(),
                r.state(), r.rowsResealed(), "RUNNING".equals(r.state()) ? remaining(r.mode(), r.targetKeyId()) : 0,
                r.startedAt(), r.finishedAt())).toList();
    }

    /** Picks up runs left by a node that stopped or died (after a restart too). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeAtStart() {
        wake();
    }

    @Scheduled(fixedDelayString = "${kessai.vault.rotation-lease:30s}", initialDelayString = "${kessai.vault.rotation-lease:30s}")
    public void resumeAbandoned() {
        wake();
    }

    private void wake() {
        if (!stopping && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    runClaimable();
                } catch (RuntimeException e) {
                    log.error("vault key rotation failed: {}", ExceptionSummary.of(e));
                }
            });
        }
    }

    /** Works every RUNNING run this node may take, to the end (or until it stops being RUNNING). */
    void runClaimable() {
        for (var run : rotations.claimable(owner, clock.instant())) {
            if (!lease(run.id())) {
                continue;
            }
            try {
                work(run);
            } finally {
                rotations.release(run.id(), owner);
            }
        }
    }

    private void work(RotationStore.RotationRow run) {
        while (!stopping) {
            int resealed = 0;
            for (SealedRows rows : sealedRows) {
                resealed += tx.execute(status -> resealBatch(run, rows));
            }
            if (resealed > 0) {
                if (!lease(run.id())) {
                    return; // superseded by a newer run, or taken over
                }
                continue;
            }
            if (remaining(run.mode(), run.targetKeyId()) == 0) {
                tx.executeWithoutResult(status -> rotations.done(run.id(), clock.instant()));
                log.info("vault key rotation {} done: every {} row is sealed under data key {}", run.id(), run.mode(),
                        run.targetKeyId());
                return;
            }
            pause(); // rows held by concurrent requests: take them with a later batch
            if (!lease(run.id())) {
                return;
            }
        }
    }

    private int resealBatch(RotationStore.RotationRow run, SealedRows rows) {
        var batchRows = rows.lockBatchNotUnder(run.mode(), run.targetKeyId(), batch);
        for (var row : batchRows) {
            byte[] plaintext = keys.open(row.keyId(), row.sealed(), row.aad());
            try {
                rows.reseal(row, run.targetKeyId(), keys.sealWith(run.targetKeyId(), plaintext, row.aad()));
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
        if (!batchRows.isEmpty()) {
            rotations.progress(run.id(), batchRows.size());
        }
        return batchRows.size();
    }

    private boolean lease(long id) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(status -> rotations.lease(id, owner, now, now.plus(lease))));
    }

    private long remaining(ShopMode mode, int targetKeyId) {
        return sealedRows.stream().mapToLong(rows -> rows.countNotUnder(mode, targetKeyId)).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        worker.shutdown();
    }
}
