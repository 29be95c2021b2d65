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

/** With {@code spring.datasource.url} set, Kessai uses that database and starts no PostgreSQL of its own. */
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
}
