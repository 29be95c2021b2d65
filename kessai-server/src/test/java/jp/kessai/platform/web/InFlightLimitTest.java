package jp.kessai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.web.InFlightLimit.Lane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The node's bound on requests in progress (the retry storm that ran a restarted node out of heap). */
class InFlightLimitTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private InFlightLimit limit(int maxInFlight, Duration admissionWait, int managementMaxInFlight) {
        return new InFlightLimit(new KessaiProperties.Server(maxInFlight, admissionWait, managementMaxInFlight),
                registry, "/actuator");
    }

    @Test
    void admitsUpToTheBoundRefusesTheNextAtOnceAndAdmitsAgainWhenASlotIsFree() {
        var limit = limit(3, Duration.ZERO, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        }
        assertThat(limit.inFlight(Lane.FACES)).isEqualTo(3);
        long started = System.nanoTime();
        assertThat(limit.tryEnter(Lane.FACES)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait configured").isLessThan(Duration.ofMillis(50));
        limit.leave(Lane.FACES);
        assertThat(limit.inFlight(Lane.FACES)).isEqualTo(2);
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
    }

    @Test
    void aRequestOverTheBoundWaitsAtMostTheAdmissionWait() throws Exception {
        var limit = limit(1, Duration.ofMillis(300), 1);
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        long started = System.nanoTime();
        assertThat(limit.tryEnter(Lane.FACES)).as("nobody leaves").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));

        var waiting = new CountDownLatch(1);
        var admitted = new boolean[1];
        Thread waiter = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            admitted[0] = limit.tryEnter(Lane.FACES);
        });
        waiting.await();
        Thread.sleep(50);
        limit.leave(Lane.FACES);
        waiter.join();
        assertThat(admitted[0]).as("a slot freed within the wait admits the waiter").isTrue();
        assertThat(limit.inFlight(Lane.FACES)).isEqualTo(1);
    }

    @Test
    void noMoreRequestsWaitThanTheBoundTheOthersAreRefusedAtOnce() throws Exception {
        var limit = limit(2, Duration.ofSeconds(5), 1);
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        List<Thread> waiters = new ArrayList<>();
        var admitted = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            waiters.add(Thread.ofVirtual().start(() -> {
                if (limit.tryEnter(Lane.FACES)) {
                    admitted.incrementAndGet();
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (limit.waiting(Lane.FACES) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(limit.waiting(Lane.FACES)).isEqualTo(2);
        long started = System.nanoTime();
        assertThat(limit.tryEnter(Lane.FACES)).as("a third waiter").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting")
                .isLessThan(Duration.ofSeconds(1));
        limit.leave(Lane.FACES);
        limit.leave(Lane.FACES);
        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertThat(admitted.get()).as("the waiters got the freed slots").isEqualTo(2);
        assertThat(limit.waiting(Lane.FACES)).isZero();
    }

    @Test
    void theManagementEndpointsHaveTheirOwnAllowance() {
        var limit = limit(2, Duration.ZERO, 2);
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        assertThat(limit.tryEnter(Lane.FACES)).isTrue();
        assertThat(limit.tryEnter(Lane.FACES)).as("faces full").isFalse();
        assertThat(limit.tryEnter(Lane.MANAGEMENT)).as("health checks still get through").isTrue();
        assertThat(limit.tryEnter(Lane.MANAGEMENT)).isTrue();
        assertThat(limit.tryEnter(Lane.MANAGEMENT)).as("and cannot take more than their own").isFalse();
        assertThat(limit.inFlight(Lane.FACES)).isEqualTo(2);
        assertThat(limit.inFlight(Lane.MANAGEMENT)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/actuator/health,              MANAGEMENT",
            "/actuator/health/readiness,    MANAGEMENT",
            "/actuator/prometheus,          MANAGEMENT",
            "/actuator,                     MANAGEMENT",
            "//actuator/health,             MANAGEMENT",
            "/actuator/../actuator/health,  MANAGEMENT",
            "/actuatorx,                    FACES",
            "/credit/charge,                FACES",
            "/payment/ExecTranJcbPreca.idPass, FACES",
            "/sandbox/card/faults,          FACES",
            "/payment/../actuator/info,     MANAGEMENT",
            "/actuator/../credit/charge,    FACES",
            "'',                            FACES"
    })
    void theLaneIsDecidedOnTheNormalisedPath(String rawPath, Lane lane) {
        assertThat(limit(1, Duration.ZERO, 1).laneOf(rawPath)).isEqualTo(lane);
    }

    @Test
    void anotherManagementBasePathIsHonoured() {
        var limit = new InFlightLimit(new KessaiProperties.Server(1, Duration.ZERO, 1), registry, "/manage/");
        assertThat(limit.laneOf("/manage/health")).isEqualTo(Lane.MANAGEMENT);
        assertThat(limit.laneOf("/actuator/health")).isEqualTo(Lane.FACES);
    }

    @Test
    void refusalsAreCountedByFaceAndTheGaugeShowsTheRequestsInProgress() {
        var limit = limit(2, Duration.ZERO, 1);
        assertThat(registry.get("kessai.server.requests.refused").counters()).as("every series from the start")
                .hasSize(4).allSatisfy(c -> assertThat(c.count()).isZero());
        limit.tryEnter(Lane.FACES);
        assertThat(registry.get("kessai.server.requests.in.flight").gauge().value()).isEqualTo(1.0);
        limit.refused(Lane.FACES, "/payment/ExecTranJcbPreca.idPass");
        limit.refused(Lane.FACES, "/credit/charge");
        limit.refused(Lane.FACES, "/3ds/abc");
        limit.refused(Lane.FACES, "/sandbox/shops");
        limit.refused(Lane.MANAGEMENT, "/actuator/health");
        assertThat(registry.get("kessai.server.requests.refused").tag("face", "idpass").counter().count()).isEqualTo(1);
        assertThat(registry.get("kessai.server.requests.refused").tag("face", "openapi").counter().count()).isEqualTo(2);
        assertThat(registry.get("kessai.server.requests.refused").tag("face", "sandbox").counter().count()).isEqualTo(1);
        assertThat(registry.get("kessai.server.requests.refused").tag("face", "management").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("kessai.server.requests.refused").counter().getId().getDescription())
                .contains("kessai.server.max-in-flight");
        assertThat(registry.get("kessai.server.requests.in.flight").gauge().getId().getDescription()).isNotBlank();
    }

    @Test
    void manyThreadsAtOnceNeverHaveMoreThanTheBoundInProgress() throws Exception {
        var limit = limit(4, Duration.ofMillis(1), 1);
        var inProgress = new AtomicInteger();
        var most = new AtomicInteger();
        var admitted = new AtomicInteger();
        var refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!limit.tryEnter(Lane.FACES)) {
                        refused.incrementAndGet();
                        continue;
                    }
                    try {
                        most.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
                        admitted.incrementAndGet();
                        Thread.yield();
                    } finally {
                        inProgress.decrementAndGet();
                        limit.leave(Lane.FACES);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isBetween(1, 4);
        assertThat(admitted.get() + refused.get()).isEqualTo(64 * 200);
        assertThat(limit.inFlight(Lane.FACES)).as("every slot given back").isZero();
    }

    @Test
    void aBoundBelowOneOrANegativeWaitIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new KessaiProperties.Server(0, Duration.ZERO, 1))
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> new KessaiProperties.Server(1, Duration.ofMillis(-1), 1))
                .hasMessageContaining("admission-wait");
    }
}
