package jp.kessai.junit.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import jp.kessai.junit.KessaiExtension;
import jp.kessai.junit.KessaiSandboxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two extensions in one class: two Kessais that share nothing (port, database, clock, cards, faults). */
class IsolationIT {

    @RegisterExtension
    static KessaiExtension first = KessaiExtension.sandbox();

    @RegisterExtension
    static KessaiExtension second = KessaiExtension.builder()
            .property("kessai.demo.shop-pass", "other123")
            .build();

    @Test
    void twoKessaisShareNoData() {
        assertThat(first.port()).isNotEqualTo(second.port());

        // the same OrderID in both: each has its own database, so neither sees the other's order
        String order = Merchant.newOrderId("iso");
        var a = new Merchant(first).idpass("EntryTranJcbPreca", "OrderID=" + order + "&Amount=100&Tax=0");
        var b = new Merchant(second).idpass("EntryTranJcbPreca", "OrderID=" + order + "&Amount=100&Tax=0");
        assertThat(a).containsKey("AccessID");
        assertThat(b).containsKey("AccessID");
        assertThat(a.get("AccessID")).isNotEqualTo(b.get("AccessID"));
        assertThat(new Merchant(first).idpass("EntryTranJcbPreca", "OrderID=" + order + "&Amount=100&Tax=0"))
                .containsEntry("ErrInfo", "M01004010");

        String card = first.cards().newJcbPrecaCard(700);
        assertThat(first.cards().jcbPrecaBalance(card)).isEqualTo(700);
        assertThatThrownBy(() -> second.cards().jcbPrecaBalance(card))
                .isInstanceOfSatisfying(KessaiSandboxException.class, e -> assertThat(e.status()).isEqualTo(404));

        first.clock().advance(Duration.ofHours(2));
        assertThat(first.clock().offset()).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(second.clock().offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void propertiesConfigureOneKessaiOnly() {
        assertThat(first.demoShop().shopPass()).isEqualTo("kessai01");
        assertThat(second.demoShop().shopPass()).isEqualTo("other123");
        assertThat(new Merchant(second).idpass("EntryTranJcbPreca",
                "OrderID=" + Merchant.newOrderId("pw") + "&Amount=100&Tax=0")).containsKey("AccessID");
    }
}
