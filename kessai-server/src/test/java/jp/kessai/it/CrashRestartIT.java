package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Durability: Kessai is started from its packaged jar, pays, is killed with SIGKILL (its PostgreSQL then stopped by
 * the watchdog, or still stopping), and started again on the same data directory. Everything it acknowledged is still there.
 */
class CrashRestartIT {

    @Test
    void acknowledgedPaymentsSurviveAKill9AndRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        var client = new IdPassClient("http://localhost:" + port);

        KessaiProcess first = KessaiProcess.on(dataDir, port).start();
        String orderId = "crash-" + System.nanoTime();
        String accessId;
        try {
            first.awaitReady();
            var entry = client.post("EntryTranJcbPreca", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "OrderID", orderId, "Amount", "1234"));
            accessId = entry.get("AccessID");
            var exec = client.post("ExecTranJcbPreca", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "AccessID", accessId, "AccessPass", entry.get("AccessPass"), "OrderID", orderId,
                    "CardNo", "9990000000000009", "ApprovalNo", "1234", "ClientField1", "残る"));
            assertThat(exec.get("Status")).as(exec.body()).isEqualTo("SALES");
        } finally {
            first.kill(); // SIGKILL: no shutdown hooks, the database is not stopped
        }
        // its PostgreSQL is stopped by the watchdog (EmbeddedPostgresWatchdogIT); the restart finds what it left

        KessaiProcess second = KessaiProcess.on(dataDir, port).start();
        try {
            second.awaitReady();
            var search = client.post("SearchTradeMulti", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "OrderID", orderId, "PayType", "14"));
            assertThat(search.get("Status")).as(search.body()).isEqualTo("SALES");
            assertThat(search.get("AccessID")).isEqualTo(accessId);
            assertThat(search.get("Amount")).isEqualTo("1234");
            assertThat(search.get("ClientField1")).isEqualTo("残る");
            var again = client.post("EntryTranJcbPreca", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "OrderID", orderId, "Amount", "1"));
            assertThat(again.get("ErrInfo")).isEqualTo("M01004010");
        } finally {
            second.stop(); // SIGTERM: orderly shutdown stops the embedded server
        }
    }

    @Test
    void aNotificationInFlightWhenTheNodeDiesIsDeliveredAfterRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-notify-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        var firstAttemptArrived = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var merchant = new MerchantServer()) {
            var calls = new java.util.concurrent.atomic.AtomicInteger();
            merchant.on("/notify", r -> {
                if (calls.incrementAndGet() == 1) {
                    firstAttemptArrived.countDown();
                    try {
                        release.await(); // the node dies while waiting for this answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return MerchantServer.Answer.text("0");
            });
            String[] extra = {"--kessai.notifications.poll-interval=500ms", "--kessai.notifications.lease=3s",
                    "--kessai.demo.result-notification-url=" + merchant.url("/notify")};
            KessaiProcess first = KessaiProcess.on(dataDir, port, extra).start();
            String orderId = "crash-notify-" + System.nanoTime();
            try {
                first.awaitReady();
                var flow = new NetCashFlow("http://localhost:" + port);
                var order = flow.entryAndExec(orderId, 300, 0, "https://merchant.example/ret");
                assertThat(flow.startAndPay(order, "5000000000000009").fields()).containsEntry("Status", "PAYSUCCESS");
                assertThat(firstAttemptArrived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            } finally {
                first.kill();
                release.countDown();
            }
            KessaiProcess second = KessaiProcess.on(dataDir, port, extra).start();
            try {
                second.awaitReady();
                long deadline = System.currentTimeMillis() + 30_000;
                while (calls.get() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(calls.get()).as("delivered again after the lease ran out (at least once)").isEqualTo(2);
                var received = merchant.all("/notify");
                assertThat(received).allSatisfy(r -> assertThat(r.form()).containsEntry("OrderID", orderId)
                        .containsEntry("Status", "PAYSUCCESS"));
                String list = "";
                for (int i = 0; i < 50 && !list.contains("DELIVERED"); i++) {
                    Thread.sleep(100);
                    list = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/sandbox/shops/tshop00000001/notifications")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                }
                assertThat(list).contains("\"state\":\"DELIVERED\"");
            } finally {
                second.stop();
            }
        }
    }

    /** Battery finding: with the five /credit/charge slots held when the node died, the restarted node refused everything. */
    @Test
    void chargesInFlightWhenTheNodeDiesDoNotHoldTheLimitAfterRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-limit-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        String base = "http://localhost:" + port;
        var api = new OpenApiClient(base).as(OpenApiClient.basic("tshop00000001", "kessai01"));
        KessaiProcess first = KessaiProcess.on(dataDir, port, "--kessai.credit.acquirer-timeout=60s").start();
        try (var inFlight = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            first.awaitReady();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/sandbox/card/faults"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":30000}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 5; i++) {
                String orderId = "limit-" + i + "-" + System.nanoTime() % 1_000_000_000L;
                inFlight.submit(() -> api.post("/credit/charge", OpenApiIntegrationTest.chargeBody(orderId, 100, "AUTH")));
            }
            Thread.sleep(1500); // all five are with the (slow) acquirer: the shop's limit is reached
            assertThat(api.post("/credit/charge", OpenApiIntegrationTest.chargeBody("limit-x-" + System.nanoTime() % 1_000_000L,
                    100, "AUTH")).status()).as("the limit is reached before the kill").isEqualTo(429);
            first.kill(); // SIGKILL mid-request
            inFlight.shutdownNow();
        }
        KessaiProcess second = KessaiProcess.on(dataDir, port).start();
        try {
            second.awaitReady();
            var charge = api.post("/credit/charge", OpenApiIntegrationTest.chargeBody("limit-after-" + System.nanoTime() % 1_000_000L,
                    100, "AUTH"));
            assertThat(charge.status()).as("a restarted node serves at once: " + charge.body()).isEqualTo(201);
        } finally {
            second.stop();
        }
    }

    private static int freePort() throws IOException {
        return KessaiProcess.freePort();
    }
}
