package jp.kessai.junit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.kessai.junit.KessaiExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An extension in an instance field: every test gets a Kessai of its own, whose data directory goes with it. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class PerTestKessaiIT {

    static final Path DATA = Path.of("target", "per-test-data-" + UUID.randomUUID());
    static String firstOrder;
    static int firstPort;

    @RegisterExtension
    KessaiExtension kessai = KessaiExtension.builder().dataDirectoryParent(DATA).build();

    @Test
    void test1_movesItsClockAndTakesAnOrder() throws IOException {
        assertThat(dataDirectories()).hasSize(1);
        kessai.clock().advance(Duration.ofDays(3));
        assertThat(kessai.clock().offset()).isGreaterThanOrEqualTo(Duration.ofDays(3));
        firstOrder = Merchant.newOrderId("pt");
        firstPort = kessai.port();
        assertThat(new Merchant(kessai).idpass("EntryTranJcbPreca", "OrderID=" + firstOrder + "&Amount=100&Tax=0"))
                .containsKey("AccessID");
    }

    @Test
    void test2_startsAfresh() throws IOException {
        // the first test's Kessai is stopped and its data directory deleted: only this test's is there
        assertThat(dataDirectories()).hasSize(1);
        assertThat(kessai.clock().offset()).isEqualTo(Duration.ZERO);
        assertThat(new Merchant(kessai).idpass("SearchTradeMulti", "OrderID=" + firstOrder + "&PayType=14"))
                .containsKey("ErrInfo");
        assertThat(new Merchant(kessai).idpass("EntryTranJcbPreca", "OrderID=" + firstOrder + "&Amount=100&Tax=0"))
                .containsKey("AccessID");
    }

    private static List<Path> dataDirectories() throws IOException {
        try (var dirs = Files.list(DATA)) {
            return dirs.toList();
        }
    }
}
