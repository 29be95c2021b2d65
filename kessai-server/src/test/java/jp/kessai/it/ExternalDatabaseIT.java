package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import jp.kessai.KessaiApplication;
import jp.kessai.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With {@code spring.datasource.url} set, Kessai uses that database and starts no PostgreSQL of its own; when that
 * database goes away, every face answers "temporarily unavailable" in its own format.
 */
class ExternalDatabaseIT {

    @Test
    void anExternalPostgresqlIsUsedAndNoEmbeddedServerStarts() {
        Path external = Path.of("target", "it-data", "external-db-" + UUID.randomUUID());
        Path kessaiData = Path.of("target", "it-data", "external-app-" + UUID.randomUUID());
        try (var database = EmbeddedPostgresServer.start(external, 0);
             var app = new SpringApplicationBuilder(KessaiApplication.class).run(
                     "--server.port=0",
                     "--kessai.data-dir=" + kessaiData,
                     "--spring.datasource.url=" + database.jdbcUrl("postgres"),
                     "--spring.datasource.username=" + database.username(),
                     "--spring.datasource.password=" + database.password())) {
            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(Files.exists(kessaiData.resolve("pg"))).isFalse();
            String port = app.getEnvironment().getProperty("local.server.port");
            var entry = new IdPassClient("http://localhost:" + port).post("EntryTranJcbPreca", params(
                    "ShopID", "tshop00000001", "ShopPass", "kessai01", "OrderID", "ext-1", "Amount", "100"));
            assertThat(entry.isError()).as(entry.body()).isFalse();
        }
    }

    /**
     * Issue 12: while the database is down, the NET CASH pages and the sandbox API answer 503 in their own format (a
     * styled page, {@code {"error":"…"}}), as idpass (E91019999) and openapi (503 service_unavailable) do.
     */
    @Test
    void whileTheDatabaseIsDownEveryFaceAnswersUnavailableInItsOwnFormat() {
        Path external = Path.of("target", "it-data", "external-db-" + UUID.randomUUID());
        Path kessaiData = Path.of("target", "it-data", "external-app-" + UUID.randomUUID());
        try (var database = EmbeddedPostgresServer.start(external, 0);
             var app = new SpringApplicationBuilder(KessaiApplication.class).run(
                     "--server.port=0",
                     "--kessai.data-dir=" + kessaiData,
                     "--spring.datasource.url=" + database.jdbcUrl("postgres"),
                     "--spring.datasource.username=" + database.username(),
                     "--spring.datasource.password=" + database.password(),
                     "--spring.datasource.hikari.connection-timeout=1000")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            var flow = new NetCashFlow(base);
            var order = flow.entryAndExec("down-1", 1000, 0, "https://merchant.example/ret");
            String page = flow.start(order.accessId(), order.token()).headers().firstValue("Location").orElseThrow();
            assertThat(flow.get(page).statusCode()).isEqualTo(200);

            database.close();

            var simulator = flow.get(page);
            assertThat(simulator.statusCode()).isEqualTo(503);
            assertThat(simulator.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(simulator.headers().firstValue("Content-Language")).hasValue("ja");
            assertThat(simulator.body()).contains("ただいまお手続きができません。", "Noto Sans CJK JP").doesNotContain("\"status\"");
            var start = flow.start(order.accessId(), order.token());
            assertThat(start.statusCode()).isEqualTo(503);
            assertThat(start.body()).contains("E91019999", "Noto Sans CJK JP");

            var sandbox = new OpenApiClient(base).send("GET", "/sandbox/jcb-preca/cards/9990000000000001", null, null);
            assertThat(sandbox.status()).isEqualTo(503);
            assertThat(sandbox.body()).isEqualTo("{\"error\":\"the database is unavailable; retry later\"}");
            var settings = new OpenApiClient(base).send("POST", "/sandbox/shops/tshop00000001/settings", "application/json", "{}");
            assertThat(settings.status()).isEqualTo(503);

            var entry = new IdPassClient(base).post("EntryTranJcbPreca", params(
                    "ShopID", "tshop00000001", "ShopPass", "kessai01", "OrderID", "down-2", "Amount", "100"));
            assertThat(entry.get("ErrInfo")).isEqualTo("E91019999");
            var inquiry = new OpenApiClient(base).as(OpenApiClient.basic("tshop00000001", "kessai01"))
                    .post("/order/inquiry", "{\"accessId\":\"" + order.accessId() + "\"}");
            assertThat(inquiry.status()).isEqualTo(503);
            assertThat(inquiry.body()).contains("service_unavailable");
        }
    }
}
