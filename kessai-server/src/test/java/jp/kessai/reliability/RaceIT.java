package jp.kessai.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import jp.kessai.it.KessaiProcess;
import jp.kessai.reliability.Operation.Result;
import jp.kessai.reliability.Operation.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Races: for every operation of the table, many clients send the same request (the same Idempotency-Key, or the same
 * order) at the same instant, while the processor is slow enough for them to overlap. Exactly one executes.
 */
@ExtendWith(SharedNode.class)
@Order(2) // after AuthorizationIT, before LeakScanIT, on the shared node
class RaceIT {

    private static final BatteryMode MODE = BatteryMode.current();
    private static KessaiProcess node;
    private static Ledger ledger;

    @BeforeAll
    static void start() throws Exception {
        node = SharedNode.node();
        ledger = SharedNode.ledger();
        CrashConsistencyIT.slowProcessors(node);
    }

    @AfterAll
    static void fast() {
        if (node.alive()) {
            CrashConsistencyIT.fastProcessors(node); // the node is shared
        }
    }

    @Test
    void theSameRequestSentConcurrentlyExecutesExactlyOnce() throws Exception {
        List<String> problems = new ArrayList<>();
        var driver = new Driver(node::baseUrl, Duration.ofMinutes(2));
        int races = 0;
        for (Lifecycle lifecycle : Lifecycle.ALL) { // the MP token row also has its own race below (one token, many charges)
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

    /**
     * The vault's limits under races: concurrent /credit/storeCard for one member (each with its own
     * Idempotency-Key: different requests) never store more than five cards nor make two of them the default —
     * neither when the member has four cards and many race for the fifth place, nor when a new member's cards are all
     * stored at once, each asking to be the default.
     */
    @Test
    void concurrentStoreCardsForOneMemberKeepAtMostFiveCardsAndOneDefault() throws Exception {
        List<String> problems = new ArrayList<>();
        String base = node.baseUrl();
        for (int stored : List.of(4, 0)) {
            Payment p = Lifecycle.VAULT.newPayment(node::baseUrl, Payment.Shop.DEMO);
            var created = Wire.openapi(base, "/member/create", p.shop.basic(), VaultAndTds.memberCreate(p, "見本 太郎"),
                    java.util.Map.of());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            for (int i = 0; i < stored; i++) {
                var answer = Wire.openapi(base, "/credit/storeCard", p.shop.basic(), VaultAndTds.storeCard(p, "TARO MIHON"),
                        java.util.Map.of());
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
            var go = new CountDownLatch(1);
            List<Future<Wire.Answer>> futures = new ArrayList<>();
            try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i : IntStream.range(0, MODE.raceClients()).toArray()) {
                    Payment other = new Payment(Lifecycle.VAULT, p.shop, Payment.newVisa(), "123");
                    String body = VaultAndTds.storeCard(other, "RACER " + (char) ('A' + i % 26))
                            .replace(other.memberId(), p.memberId());
                    futures.add(executor.submit(() -> {
                        go.await();
                        return Wire.openapi(base, "/credit/storeCard", p.shop.basic(), body,
                                java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    }));
                }
                go.countDown();
                long stores = 0;
                for (var f : futures) {
                    var answer = f.get();
                    if (answer.status() == 201) {
                        stores++;
                    } else if (!Lifecycle.openApiRefusal(answer)) {
                        problems.add("storeCard race: answered " + answer.status() + " " + Driver.abbreviate(answer.body()));
                    }
                }
                long cards = VaultAndTds.cards(ledger, p, " AND NOT c.deleted");
                long defaults = VaultAndTds.cards(ledger, p, " AND NOT c.deleted AND c.is_default");
                if (cards > 5 || cards != stored + stores) {
                    problems.add("member with " + stored + " cards, " + MODE.raceClients() + " concurrent storeCard: "
                            + stores + " stored, " + cards + " cards in the vault");
                }
                if (defaults != 1) {
                    problems.add("member with " + stored + " cards after concurrent storeCard: " + defaults + " default cards");
                }
                if (stores == 0) {
                    problems.add("member with " + stored + " cards: no concurrent storeCard succeeded");
                }
            }
        }
        Reports.figure("races", "storeCard: " + MODE.raceClients() + " concurrent stores for a member with 4 cards and for a "
                + "new one; problems=" + problems.size());
        assertThat(problems).isEmpty();
    }

    /**
     * One MP token, many different charges at once (each its own Idempotency-Key and OrderID): the token is spent
     * once — one charge succeeds, every other is refused as a problem (the token already used), and the acquirer
     * authorised the card once.
     */
    @Test
    void oneMpTokenSpentByConcurrentChargesIsRedeemedOnce() throws Exception {
        String base = node.baseUrl();
        Payment first = Lifecycle.MP_TOKEN.newPayment(node::baseUrl, Payment.Shop.DEMO);
        String token = first.vars.get("mpToken");
        var go = new CountDownLatch(1);
        List<Future<Wire.Answer>> futures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long charged = 0;
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < MODE.raceClients(); i++) {
                Payment p = new Payment(Lifecycle.MP_TOKEN, first.shop, first.cardNo, first.securityCode, first.amountYen);
                String body = MpTokens.charge(p, p.amountYen, token);
                futures.add(executor.submit(() -> {
                    go.await();
                    return Wire.openapi(base, "/credit/charge", p.shop.basic(), body,
                            java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                }));
            }
            go.countDown();
            for (var f : futures) {
                var answer = f.get();
                if (answer.status() == 201) {
                    charged++;
                } else if (!Lifecycle.openApiRefusal(answer)) {
                    problems.add("MP token race: answered " + answer.status() + " " + Driver.abbreviate(answer.body()));
                }
            }
        }
        long authorised = VaultAndTds.authorisations(ledger, first, first.amountYen);
        if (charged != 1 || authorised != 1) {
            problems.add("one MP token, " + MODE.raceClients() + " concurrent charges: " + charged + " succeeded, "
                    + authorised + " authorised at the acquirer");
        }
        Reports.figure("races", "MP token: " + MODE.raceClients() + " concurrent charges with one token; problems="
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
