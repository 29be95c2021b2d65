package jp.kessai.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.kessai.docs.RunnableDocs;
import org.junit.jupiter.api.Test;

/** Issue 12: every Kessai metric has a HELP text and a row in the one table of docs/operations.md. */
class KessaiMetricsTest {

    @Test
    void everyMetricIsInTheOperationsTable() throws Exception {
        String operations = Files.readString(RunnableDocs.projectRoot().resolve("docs/operations.md"));
        String table = operations.substring(operations.indexOf("## Metrics"), operations.indexOf("Useful alerts:"));
        KessaiMetrics.all().forEach((name, help) -> {
            String prometheus = name.replace('.', '_');
            assertThat(table).as(prometheus).containsPattern("\\| `" + prometheus + "(_total)?` \\|");
            assertThat(table).as("the HELP text of " + prometheus).contains(help);
        });
    }

    @Test
    void aMetricWithoutADescriptionIsAProgrammerError() {
        assertThatThrownBy(() -> KessaiMetrics.description("kessai.nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
