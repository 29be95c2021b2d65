package jp.kessai.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import jp.kessai.it.KessaiProcess;
import jp.kessai.reliability.Operation.Result;
import jp.kessai.reliability.Operation.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Races: for every operation of the table, many clients send the same request (the same Idempotency-Key, or the same
 * order) at the same instant, while the processor is slow enough for them to overlap. Exactly one executes.
 */
class RaceIT {

    private static final BatteryMode MODE = BatteryMode.current();
    private static KessaiProcess node;
    private static Ledger ledger;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Path.of("target", "it-data", "battery-race-" + UUID.randomUUID()).toAbsolutePath();
        int pgPort = KessaiProcess.freePort();
        node = KessaiProcess.on(dataDir, KessaiProcess.freePort(), "--kessai.embedded-postgres.port=" + pgPort)
                .startAndAwait();
        ledger = Ledger.embedded(dataDir, pgPort);
        CrashConsistencyIT.slowProcessors(node);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theSameRequestSentConcurrentlyExecutesExactlyOnce() throws Exception {
        List<String> problems = new ArrayList<>();
        var driver = new Driver(node::baseUrl, Duration.ofMinutes(2));
        int races = 0;
        for (Lifecycle lifecycle : Lifecycle.values()) {
            Payment payment = lifecycle.newPayment(node::baseUrl, Payment.Shop.DEMO);
            for (Operation operation : lifecycle.operations()) {
                List<Result> results = race(operation, payment);
                races++;
                long acked = results.stream().filter(r -> r.verdict() == Verdict.ACKED).count();
                results.stream().filter(r -> r.verdict() == Verdict.WRONG).forEach(r -> problems.add(operation.name()
                        + ": answered " + r.answer().status() + " " + Driver.abbreviate(r.answer().body())));
                results.stream().filter(r -> r.verdict() == Verdict.ACKED)
                        .forEach(r -> payment.acked(operation.name(), r.answer().body()));
                if (!operation.replays() && acked != 1) {
                    problems.add(operation.name() + ": " + acked + " of " + results.size() + " concurrent requests succeeded");
                }
                if (operation.replays() && acked >= 1
                        && new HashSet<>(payment.acked.get(operation.name())).size() != 1) {
                    problems.add(operation.name() + ": the successes of one Idempotency-Key differ");
                }
                if (!payment.done.contains(operation.name())) {
                    driver.driveOperation(payment, operation, 1); // finish it (the race's winner may still be in flight)
                }
                long executions = operation.executions(ledger, payment);
                if (executions != 1) {
                    problems.add(operation.name() + ": executed " + executions + " times after "
                            + results.size() + " concurrent requests");
                }
            }
        }
        problems.addAll(driver.violations);
        Reports.figure("races", races + " operations, " + MODE.raceClients() + " concurrent identical requests each; problems="
                + problems.size());
        assertThat(problems).isEmpty();
    }

    /** All clients released at once with the same request; every answer returned. */
    private static List<Result> race(Operation operation, Payment payment) throws Exception {
        var go = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < MODE.raceClients(); i++) {
                futures.add(executor.submit(() -> {
                    go.await();
                    return operation.attempt(node.baseUrl(), payment);
                }));
            }
            go.countDown();
            List<Result> results = new ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
