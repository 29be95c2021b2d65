package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Durability: Kessai is started from its packaged jar, pays, is killed with SIGKILL (its PostgreSQL then stopped by
 * the watchdog, or still stopping), and started again on the same data directory. Everything it acknowledged is still there.
 */
class CrashRestartIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void acknowledgedPaymentsSurviveAKill9AndRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        var client = new IdPassClient("http://localhost:" + port);

        Process first = start(dataDir, port);
        String orderId = "crash-" + System.nanoTime();
        String accessId;
        try {
            await(port, first);
            var entry = client.post("EntryTranJcbPreca", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "OrderID", orderId, "Amount", "1234"));
            accessId = entry.get("AccessID");
            var exec = client.post("ExecTranJcbPreca", params("ShopID", "tshop00000001", "ShopPass", "kessai01",
                    "AccessID", accessId, "AccessPass", entry.get("AccessPass"), "OrderID", orderId,
                    "CardNo", "9990000000000009", "ApprovalNo", "1234", "ClientField1", "残る"));
            assertThat(exec.get("Status")).as(exec.body()).isEqualTo("SALES");
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, the database is not stopped
        }
        // its PostgreSQL is stopped by the watchdog (EmbeddedPostgresWatchdogIT); the restart finds what it left

        Process second = start(dataDir, port);
        try {
            await(port, second);
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
            second.destroy(); // SIGTERM: orderly shutdown stops the embedded server
            second.waitFor();
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
            Process first = start(dataDir, port, extra);
            String orderId = "crash-notify-" + System.nanoTime();
            try {
                await(port, first);
                var flow = new NetCashFlow("http://localhost:" + port);
                var order = flow.entryAndExec(orderId, 300, 0, "https://merchant.example/ret");
                assertThat(flow.startAndPay(order, "5000000000000009").fields()).containsEntry("Status", "PAYSUCCESS");
                assertThat(firstAttemptArrived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly().waitFor();
                release.countDown();
            }
            Process second = start(dataDir, port, extra);
            try {
                await(port, second);
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
                second.destroy();
                second.waitFor();
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
        Process first = start(dataDir, port, "--kessai.credit.acquirer-timeout=60s");
        try (var inFlight = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            await(port, first);
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
            first.destroyForcibly().waitFor(); // SIGKILL mid-request
            inFlight.shutdownNow();
        }
        Process second = start(dataDir, port);
        try {
            await(port, second);
            var charge = api.post("/credit/charge", OpenApiIntegrationTest.chargeBody("limit-after-" + System.nanoTime() % 1_000_000L,
                    100, "AUTH"));
            assertThat(charge.status()).as("a restarted node serves at once: " + charge.body()).isEqualTo(201);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process start(Path dataDir, int port, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar().toString(), "--server.port=" + port,
                "--kessai.data-dir=" + dataDir, "--kessai.reconciler.interval=1h"));
        command.addAll(List.of(extra));
        Files.createDirectories(dataDir);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()).start();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("kessai-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run through `./mvnw verify`: the jar is built first"));
        }
    }

    private static void await(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("Kessai exited during start-up").isTrue();
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    // the demo shop is created once the application is ready; give the listener its moment
                    Thread.sleep(500);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Kessai did not start within " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
