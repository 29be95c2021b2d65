package jp.kessai.junit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.kessai.junit.KessaiExtension;
import jp.kessai.junit.SandboxFaults.CardFault;
import jp.kessai.junit.SandboxFaults.CenterFault;
import jp.kessai.junit.TestCards;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A merchant's test class with one Kessai for all its tests (a static field), as the README shows it. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class KessaiExtensionIT {

    @RegisterExtension
    static KessaiExtension kessai = KessaiExtension.sandbox();

    Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = new Merchant(kessai);
    }

    /**
     * The defaults, although this module's test classpath has an application.properties, and its JVM system
     * properties and environment variables, that say otherwise (pom.xml): they belong to the merchant's application.
     */
    @Test
    void listensOnLoopbackWithTheDemoShop() {
        assertThat(kessai.port()).isGreaterThan(3).isNotEqualTo(8080);
        assertThat(System.getProperty("spring.datasource.url")).isNotNull();
        assertThat(kessai.baseUrl()).isEqualTo("http://127.0.0.1:" + kessai.port());
        assertThat(kessai.idpassUrl("EntryTranJcbPreca"))
                .isEqualTo(kessai.baseUrl() + "/payment/EntryTranJcbPreca.idPass");
        assertThat(kessai.demoShop().shopId()).isEqualTo("tshop00000001");
        assertThat(kessai.demoShop().shopPass()).isEqualTo("kessai01");
        assertThat(kessai.demoShop().toString()).doesNotContain("kessai01");
    }

    @Test
    void aJcbPrecaPaymentOnTheIdpassFace() {
        String card = kessai.cards().newJcbPrecaCard(5_000);
        String order = Merchant.newOrderId("jp");
        var entry = merchant.idpass("EntryTranJcbPreca", "OrderID=" + order + "&Amount=1000&Tax=80");
        assertThat(entry).containsKeys("AccessID", "AccessPass").doesNotContainKey("ErrCode");

        var exec = merchant.idpass("ExecTranJcbPreca", "AccessID=" + entry.get("AccessID") + "&AccessPass="
                + entry.get("AccessPass") + "&OrderID=" + order + "&CardNo=" + card + "&ApprovalNo="
                + TestCards.JcbPreca.APPROVAL_NUMBER);
        assertThat(exec).containsEntry("Status", "SALES").containsEntry("BeforeBalance", "5000")
                .containsEntry("AfterBalance", "3920");
        assertThat(kessai.cards().jcbPrecaBalance(card)).isEqualTo(3_920);

        var search = merchant.idpass("SearchTradeMulti", "OrderID=" + order + "&PayType=14");
        assertThat(search).containsEntry("Status", "SALES").containsEntry("CardNo", "************" + card.substring(12));
    }

    @Test
    void aCreditChargeOnTheOpenapiFace() {
        String token = merchant.accessToken();
        String order = Merchant.newOrderId("cr");
        var charge = merchant.charge(token, order, 1000, TestCards.Credit.VISA);
        assertThat(charge.statusCode()).as(charge.body()).isEqualTo(201);
        assertThat(Merchant.field(charge.body(), "orderId")).isEqualTo(order);
        assertThat(Merchant.field(charge.body(), "status")).isEqualTo("AUTH");
        assertThat(Merchant.field(charge.body(), "cardNumber")).isEqualTo("************1111");

        var declined = merchant.charge(token, Merchant.newOrderId("cr"), 1000, TestCards.Credit.DECLINED);
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("card_declined");
    }

    @Test
    void aCenterFaultIsSeenByTheMerchantAndTheOrderCanBePaidAgain() {
        String card = kessai.cards().newJcbPrecaCard(5_000);
        String order = Merchant.newOrderId("fault");
        var entry = merchant.idpass("EntryTranJcbPreca", "OrderID=" + order + "&Amount=500&Tax=0");
        String pay = "AccessID=" + entry.get("AccessID") + "&AccessPass=" + entry.get("AccessPass") + "&OrderID="
                + order + "&CardNo=" + card + "&ApprovalNo=1234";

        kessai.faults().jcbPreca().next(CenterFault.UNAVAILABLE);
        var refused = merchant.idpass("ExecTranJcbPreca", pay);
        assertThat(refused).containsEntry("ErrCode", "JP1").containsEntry("ErrInfo", "JP1000040")
                .containsEntry("Status", "UNPROCESSED");
        assertThat(kessai.cards().jcbPrecaBalance(card)).isEqualTo(5_000);

        // the fault was taken by that one call: the retry pays
        var paid = merchant.idpass("ExecTranJcbPreca", pay);
        assertThat(paid).containsEntry("Status", "SALES").containsEntry("AfterBalance", "4500");
    }

    @Test
    void anAcquirerFaultDeclinesAnApprovedCard() {
        kessai.faults().cardAcquirer().next(CardFault.INSUFFICIENT_BALANCE);
        String token = merchant.accessToken();
        var charge = merchant.charge(token, Merchant.newOrderId("cf"), 1000, TestCards.Credit.VISA);
        assertThat(charge.statusCode()).isEqualTo(402);
        assertThat(charge.body()).contains("insufficient_balance");
    }

    @Test
    void clearing1_aTestLeavesFaultsQueued() {
        // queued here and never taken; the extension clears them before the next test
        kessai.faults().netCash().next(CenterFault.UNAVAILABLE, 1000);
        kessai.faults().jcbPreca().next(CenterFault.UNAVAILABLE, 1000);
        kessai.faults().cardAcquirer().next(CardFault.CARD_DECLINED, 1000);
    }

    @Test
    void clearing2_theNextTestDoesNotSeeThem() {
        String token = merchant.accessToken();
        assertThat(merchant.charge(token, Merchant.newOrderId("clr"), 100, TestCards.Credit.VISA).statusCode())
                .isEqualTo(201);
        var entry = merchant.idpass("EntryTranJcbPreca", "OrderID=" + Merchant.newOrderId("clr") + "&Amount=1&Tax=0");
        assertThat(entry).containsKey("AccessID");
    }

    @Test
    void advancingTheClockExpiresAnUnpaidNetCashOrder() {
        String order = Merchant.newOrderId("nc");
        var entry = merchant.idpass("EntryTranNetcash", "OrderID=" + order + "&Amount=1500&Tax=100");
        var exec = merchant.idpass("ExecTranNetcash", "AccessID=" + entry.get("AccessID") + "&AccessPass="
                + entry.get("AccessPass") + "&OrderID=" + order
                + "&RetURL=https://merchant.example/ret&NetCashPayType=NETCASH");
        assertThat(exec).containsKeys("Token", "StartURL");
        kessai.jobs().expireNetCash();
        assertThat(merchant.idpass("SearchTradeMulti", "OrderID=" + order + "&PayType=16"))
                .containsEntry("Status", "REQSUCCESS");

        Instant before = kessai.clock().now();
        Instant after = kessai.clock().advance(Duration.ofMinutes(61));
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMinutes(61));
        assertThat(kessai.clock().offset()).isGreaterThanOrEqualTo(Duration.ofMinutes(61));

        kessai.jobs().expireNetCash();
        assertThat(merchant.idpass("SearchTradeMulti", "OrderID=" + order + "&PayType=16"))
                .containsEntry("Status", "EXPIRED");
    }
}
