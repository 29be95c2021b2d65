package jp.kessai.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kessai.it.KessaiProcess;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency: payments of every lifecycle (every state-changing operation of every face) are driven by several
 * clients each, retrying the same request, while Kessai — a separate process on its embedded PostgreSQL — is killed
 * with SIGKILL at random moments, some of them during start-up, and restarted on the same data directory. Afterwards
 * the reconciler settles what was in flight, and {@link Audit} holds every payment against the processors' books.
 */
class CrashConsistencyIT {

    private static final BatteryMode MODE = BatteryMode.current();

    @Test
    void killedAtRandomMomentsNothingAcknowledgedIsLostAndNothingExecutesTwice() throws Exception {
        Path dataDir = Path.of("target", "it-data", "battery-crash-" + UUID.randomUUID()).toAbsolutePath();
        int port = KessaiProcess.freePort();
        int pgPort = KessaiProcess.freePort();
        var node = KessaiProcess.on(dataDir, port, "--kessai.embedded-postgres.port=" + pgPort,
                "--kessai.reconciler.interval=2s", "--kessai.reconciler.pending-grace=1s",
                "--kessai.centers.timeout=5s", "--kessai.credit.acquirer-timeout=5s",
                "--kessai.openapi.request-lease=8s");
        var driver = new Driver(node::baseUrl, Duration.ofMinutes(4));
        var generating = new AtomicBoolean(true);
        var lifecycle = new AtomicInteger();
        int kills = 0;
        int killsDuringStartUp = 0;
        long started = System.nanoTime();
        Ledger ledger;
        List<String> problems = new ArrayList<>();
        Audit.Figures[] figures = new Audit.Figures[1];
        String log;
        try (node) {
            node.startAndAwait();
            slowProcessors(node);
            ledger = Ledger.embedded(dataDir, pgPort);
            try (var clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var inFlight = new java.util.concurrent.Semaphore(MODE.paymentsInFlight());
                Thread generator = Thread.ofVirtual().start(() -> {
                    while (generating.get()) {
                        Lifecycle l = Lifecycle.ALL.get(lifecycle.getAndIncrement() % Lifecycle.ALL.size());
                        if (!inFlight.tryAcquire()) {
                            Lifecycle.pause(50);
                            continue;
                        }
                        clients.submit(() -> {
                            try {
                                driver.driveNew(l, MODE.clientsPerPayment());
                            } finally {
                                inFlight.release();
                            }
                        });
                        Lifecycle.pause(MODE.paymentIntervalMillis());
                    }
                });
                var random = ThreadLocalRandom.current();
                while (kills < MODE.kills()) {
                    Thread.sleep(random.nextLong(800, 3000)); // under load
                    node.kill();
                    kills++;
                    if (kills % 2 == 1 && kills < MODE.kills()) { // every other kill during start-up (a cut-short start)
                        node.start();
                        Thread.sleep(random.nextLong(300, 5000)); // somewhere in start-up (or just after it)
                        node.kill();
                        kills++;
                        killsDuringStartUp++;
                    }
                    node.start();
                    node.awaitReady();
                    slowProcessors(node);
                }
                generating.set(false);
                generator.join();
                Stall.awaitClients(clients, Duration.ofMinutes(6), () -> Stall.report("crash", driver, ledger, node));
            }
            settle(node, ledger);
            problems.addAll(driver.violations);
            problems.addAll(Audit.check(ledger, node.baseUrl(), driver.payments, figures));
            log = node.logText();
            node.stop();
        }
        Reports.figure("crash", kills + " kills (" + killsDuringStartUp + " during start-up) in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; " + driver.summary() + "; " + figures[0]
                + "; problems=" + problems.size());
        assertThat(problems).as("crash consistency").isEmpty();
        assertThat(figures[0].acknowledged()).as("the load reached every operation").isGreaterThan(0);
        for (Lifecycle l : Lifecycle.ALL) {
            assertThat(driver.payments).as(l + " payments driven").anyMatch(p -> p.lifecycle == l
                    && p.done.size() == l.operations().size());
        }
        assertThat(log).as("no stack trace in the log").doesNotContain("\tat jp.kessai.");
    }

    /** A little latency at every processor, so kills land while calls are in flight (faults live in the node's memory). */
    static void slowProcessors(KessaiProcess node) {
        node.sandbox("/sandbox/card/faults", "{\"latencyMillis\":100}");
        node.sandbox("/sandbox/jcb-preca/faults", "{\"latencyMillis\":100}");
        node.sandbox("/sandbox/netcash/faults", "{\"latencyMillis\":100}");
        node.sandbox("/sandbox/tds2/faults", "{\"latencyMillis\":100}");
    }

    /** The processors at full speed again. */
    static void fastProcessors(KessaiProcess node) {
        node.sandbox("/sandbox/card/faults", "{\"latencyMillis\":0}");
        node.sandbox("/sandbox/jcb-preca/faults", "{\"latencyMillis\":0}");
        node.sandbox("/sandbox/netcash/faults", "{\"latencyMillis\":0}");
        node.sandbox("/sandbox/tds2/faults", "{\"latencyMillis\":0}");
    }

    /** Runs reconciliation passes until the journal holds nothing unsettled (the grace period must pass first). */
    static void settle(KessaiProcess node, Ledger ledger) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ledger.unsettled().isEmpty() && System.nanoTime() < deadline) {
            node.sandbox("/sandbox/reconcile", null);
            node.sandbox("/sandbox/card/reconcile", null);
            Thread.sleep(1000);
        }
    }
}
