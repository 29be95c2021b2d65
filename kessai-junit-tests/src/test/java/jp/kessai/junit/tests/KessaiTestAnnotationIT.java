package jp.kessai.junit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.kessai.junit.DemoShop;
import jp.kessai.junit.Kessai;
import jp.kessai.junit.KessaiTest;
import jp.kessai.junit.SandboxCards;
import jp.kessai.junit.SandboxClock;
import jp.kessai.junit.SandboxFaults;
import jp.kessai.junit.SandboxFaults.CenterFault;
import jp.kessai.junit.SandboxJobs;
import jp.kessai.junit.TestCards;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation form: one Kessai for the class and its nested classes, handles as parameters. */
@KessaiTest
class KessaiTestAnnotationIT {

    static Kessai started;

    @BeforeAll
    static void remember(Kessai kessai) {
        started = kessai;
    }

    @Test
    void handlesAreParameters(Kessai kessai, DemoShop shop, SandboxClock clock, SandboxFaults faults, SandboxCards cards,
            SandboxJobs jobs) {
        assertThat(kessai).isSameAs(started);
        assertThat(shop).isEqualTo(kessai.demoShop());
        assertThat(clock).isSameAs(kessai.clock());
        assertThat(faults).isSameAs(kessai.faults());
        assertThat(cards).isSameAs(kessai.cards());
        assertThat(jobs).isSameAs(kessai.jobs());
        assertThat(jobs.reconcileCenters()).isZero();
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNetCashPaymentRequestRefusedByAnInjectedFault(Kessai kessai, SandboxFaults faults) {
        var merchant = new Merchant(kessai);
        String order = Merchant.newOrderId("ncf");
        var entry = merchant.idpass("EntryTranNetcash", "OrderID=" + order + "&Amount=1500&Tax=100");
        String exec = "AccessID=" + entry.get("AccessID") + "&AccessPass=" + entry.get("AccessPass") + "&OrderID="
                + order + "&RetURL=https://merchant.example/ret&NetCashPayType=NETCASH";
        faults.netCash().next(CenterFault.UNAVAILABLE);
        assertThat(merchant.idpass("ExecTranNetcash", exec)).containsEntry("ErrInfo", "E91029999");
        assertThat(merchant.idpass("ExecTranNetcash", exec)).containsKeys("Token", "StartURL");
        assertThat(kessai.cards().netCashBalance(TestCards.NetCash.PAYS)).isEqualTo(100_000);
    }

    @Nested
    class WithinANestedClass {
        @Test
        void shareTheEnclosingClassesKessai(Kessai kessai) {
            assertThat(kessai).isSameAs(started);
            String card = kessai.cards().newNetCashCard(2_500);
            assertThat(kessai.cards().netCashBalance(card)).isEqualTo(2_500);
        }
    }
}
