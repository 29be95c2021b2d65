package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import jp.kessai.KessaiApplication;
import jp.kessai.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Kessai nodes on one PostgreSQL: Idempotency-Keys hold across them (one key is processed once whichever node
 * gets it), and the concurrency limit holds on each node, so a shop has at most 2 × 5 /credit/charge requests in
 * flight across the two (the documented bound).
 */
class OpenApiTwoNodesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void keysAreSharedByAllNodesAndEachNodeHoldsTheLimit() throws Exception {
        Path database = Path.of("target", "it-data", "two-nodes-db-" + UUID.randomUUID());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        try (var db = EmbeddedPostgresServer.start(database, 0);
             var first = node(db, masterKey);
             var second = node(db, masterKey)) {
            var nodeA = new OpenApiClient(url(first)).as(OpenApiClient.basic("tshop00000001", "kessai01"));
            var nodeB = new OpenApiClient(url(second)).as(OpenApiClient.basic("tshop00000001", "kessai01"));
            for (var node : List.of(first, second)) {
                post(url(node) + "/sandbox/card/faults", "{\"latencyMillis\":2000}");
            }

            List<Callable<OpenApiClient.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                var client = i % 2 == 0 ? nodeA : nodeB;
                String orderId = "two-" + UUID.randomUUID().toString().substring(0, 20);
                calls.add(() -> client.post("/credit/charge", OpenApiIntegrationTest.chargeBody(orderId, 100, "AUTH")));
            }
            var answers = parallel(calls);
            // six in flight on each node: five admitted there, one refused; never more than 2 × 5 in all
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
            assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(2);

            String idempotencyKey = UUID.randomUUID().toString();
            String body = OpenApiIntegrationTest.chargeBody("two-key-" + UUID.randomUUID().toString().substring(0, 12), 700, "AUTH");
            var headers = OpenApiClient.headers("Idempotency-Key", idempotencyKey);
            var duplicates = parallel(List.of(() -> nodeA.post("/credit/charge", body, headers),
                    () -> nodeB.post("/credit/charge", body, headers)));
            assertThat(duplicates).filteredOn(a -> a.status() == 201).hasSize(1);
            assertThat(duplicates).filteredOn(a -> a.status() == 409).hasSize(1);
            String created = duplicates.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().body();
            assertThat(nodeA.post("/credit/charge", body, headers).body()).isEqualTo(created);
            assertThat(nodeB.post("/credit/charge", body, headers).body()).isEqualTo(created);
        }
    }

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer db, String masterKey) {
        return new SpringApplicationBuilder(KessaiApplication.class).run(
                "--server.port=0",
                "--kessai.data-dir=" + Path.of("target", "it-data", "two-nodes-app-" + UUID.randomUUID()),
                "--kessai.crypto.master-key=" + masterKey,
                "--kessai.reconciler.interval=1h",
                "--spring.datasource.url=" + db.jdbcUrl("postgres"),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password());
    }

    private static String url(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static void post(String url, String json) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static List<OpenApiClient.Answer> parallel(List<Callable<OpenApiClient.Answer>> calls) throws Exception {
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = calls.stream().map(executor::submit).toList();
            List<OpenApiClient.Answer> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
