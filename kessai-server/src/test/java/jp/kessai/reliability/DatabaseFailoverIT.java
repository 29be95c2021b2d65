package jp.kessai.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jp.kessai.it.KessaiProcess;
import jp.kessai.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * Failover. (1) Kessai on a primary with a synchronous streaming standby, through a multi-host JDBC URL: the primary
 * is killed mid-load and the standby promoted; while there is no primary the faces answer "temporarily unavailable"
 * (openapi 503 service_unavailable, idpass E91019999), never a 500; Kessai reconnects by itself; nothing acknowledged
 * is lost and nothing executes twice. (2) Two Kessai nodes on one database, one killed mid-load: the other carries on
 * and the Idempotency-Keys and orders hold across them.
 */
class DatabaseFailoverIT {

    private static final BatteryMode MODE = BatteryMode.current();

    private static String masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String[] nodeArguments(String jdbcUrl, String user, String password, String masterKey) {
        return new String[] {"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--kessai.crypto.master-key=" + masterKey,
                "--spring.datasource.hikari.connection-timeout=3000", "--kessai.reconciler.interval=2s",
                "--kessai.reconciler.pending-grace=1s", "--kessai.centers.timeout=5s", "--kessai.credit.acquirer-timeout=5s",
                "--kessai.openapi.request-lease=8s"};
    }

    @Test
    void thePrimaryIsKilledMidLoadAndTheStandbyPromotedNothingAcknowledgedIsLost() throws Exception {
        assertThat(StreamingPair.available()).as("Debian's postgresql-15 at " + StreamingPair.BIN + " (see README)").isTrue();
        Path base = Path.of("target", "it-data", "battery-failover-" + UUID.randomUUID()).toAbsolutePath();
        try (var pair = StreamingPair.start(base.resolve("db"))) {
            var node = KessaiProcess.on(base.resolve("app"), KessaiProcess.freePort(),
                    nodeArguments(pair.jdbcUrl(), "postgres", "", masterKey())).startAndAwait();
            try {
                var driver = new Driver(node::baseUrl, Duration.ofMinutes(3));
                long started = System.nanoTime();
                var outage = new long[2];
                runUnderLoad(driver, node::baseUrl, () -> {
                    Thread.sleep(4000);
                    pair.killPrimary();
                    outage[0] = System.nanoTime();
                    Thread.sleep(4000); // no primary: every request must be answered "temporarily unavailable"
                    pair.promoteStandby();
                    outage[1] = System.nanoTime();
                    Thread.sleep(6000);
                }, () -> Stall.report("failover", driver, pair.ledger(), node));
                CrashConsistencyIT.settle(node, pair.ledger());
                List<String> problems = new ArrayList<>(driver.violations);
                Audit.Figures[] figures = new Audit.Figures[1];
                problems.addAll(Audit.check(pair.ledger(), node.baseUrl(), driver.payments, figures));
                String log = node.logText();
                Reports.figure("failover", "primary killed, standby promoted after "
                        + Duration.ofNanos(outage[1] - outage[0]).toMillis() + " ms; run "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; " + driver.summary() + "; "
                        + figures[0] + "; problems=" + problems.size());
                assertThat(problems).isEmpty();
                assertThat(driver.unavailable.get()).as("the outage was seen as 'temporarily unavailable'").isPositive();
                assertThat(log).doesNotContain("failed unexpectedly");
            } finally {
                node.close();
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseOneKilledMidLoadTheOtherCarriesOn() throws Exception {
        Path base = Path.of("target", "it-data", "battery-two-nodes-" + UUID.randomUUID()).toAbsolutePath();
        try (var db = EmbeddedPostgresServer.start(base.resolve("db"), 0)) {
            String[] arguments = nodeArguments(db.jdbcUrl("postgres"), db.username(), db.password(), masterKey());
            var first = KessaiProcess.on(base.resolve("a"), KessaiProcess.freePort(), arguments).startAndAwait();
            var second = KessaiProcess.on(base.resolve("b"), KessaiProcess.freePort(), arguments).startAndAwait();
            try {
                CrashConsistencyIT.slowProcessors(first);
                CrashConsistencyIT.slowProcessors(second);
                var turn = new AtomicInteger();
                var firstAlive = new AtomicBoolean(true);
                // requests alternate between the nodes — retries of one request too — until the first dies
                Supplier<String> anyNode = () -> firstAlive.get() && turn.incrementAndGet() % 2 == 0
                        ? first.baseUrl() : second.baseUrl();
                var driver = new Driver(anyNode, Duration.ofMinutes(3));
                var ledger = new Ledger(db.jdbcUrl("postgres"), db.username(), db.password());
                runUnderLoad(driver, anyNode, () -> {
                    Thread.sleep(5000);
                    first.kill();
                    Thread.sleep(1000); // clients notice: no answer from the first node
                    firstAlive.set(false);
                    Thread.sleep(5000);
                }, () -> Stall.report("two nodes", driver, ledger, second));
                CrashConsistencyIT.settle(second, ledger);
                List<String> problems = new ArrayList<>(driver.violations);
                Audit.Figures[] figures = new Audit.Figures[1];
                problems.addAll(Audit.check(ledger, second.baseUrl(), driver.payments, figures));
                Reports.figure("two nodes", "one of two nodes killed mid-load; " + driver.summary() + "; " + figures[0]
                        + "; problems=" + problems.size());
                assertThat(problems).isEmpty();
                assertThat(figures[0].acknowledged()).isPositive();
            } finally {
                first.kill();
                second.stop();
            }
        }
    }

    /** Every lifecycle (the MP token's too: its token is spent by the charge's claim, so a retry finds the order). */
    static final List<Lifecycle> FAILOVER_LIFECYCLES = Lifecycle.ALL;

    /**
     * Payments of every lifecycle started continuously while {@code storm} runs, then every client finishes; if they
     * do not in time, {@code stall} reports why (before they are interrupted).
     */
    private static void runUnderLoad(Driver driver, Supplier<String> node, Storm storm, Supplier<String> stall)
            throws Exception {
        var generating = new AtomicBoolean(true);
        var next = new AtomicInteger();
        try (var clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var inFlight = new java.util.concurrent.Semaphore(MODE.paymentsInFlight());
            Thread generator = Thread.ofVirtual().start(() -> {
                while (generating.get()) {
                    if (!inFlight.tryAcquire()) {
                        Lifecycle.pause(50);
                        continue;
                    }
                    Lifecycle l = FAILOVER_LIFECYCLES.get(next.getAndIncrement() % FAILOVER_LIFECYCLES.size());
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
            try {
                storm.run();
            } finally {
                generating.set(false);
                generator.join();
            }
            Stall.awaitClients(clients, Duration.ofMinutes(5), stall);
        }
    }

    @FunctionalInterface
    interface Storm {
        void run() throws Exception;
    }
}
