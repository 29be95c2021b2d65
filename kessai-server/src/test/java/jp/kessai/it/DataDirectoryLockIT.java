package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import jp.kessai.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/** A second Kessai on the same data directory must not stop the first one's running database as if it were stale. */
class DataDirectoryLockIT {

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() throws Exception {
        Path dir = Path.of("target", "it-data", "lock-" + UUID.randomUUID());
        try (var first = EmbeddedPostgresServer.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Kessai is running on the data directory");
            try (var connection = DriverManager.getConnection(first.jdbcUrl("postgres"), first.username(), first.password());
                 var rs = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
        try (var again = EmbeddedPostgresServer.start(dir, 0)) {
            assertThat(again.port()).as("free again once the first closed").isPositive();
        }
    }
}
