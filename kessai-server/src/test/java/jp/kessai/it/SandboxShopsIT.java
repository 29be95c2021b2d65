package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /sandbox/shops}: a new shop that really pays on both faces, and its 409 and 400 answers. */
class SandboxShopsIT extends OpenApiIntegrationTest {

    @Test
    void aCreatedShopChargesOverOpenApiAndPaysJcbPrecaOverIdPass() {
        var created = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"tshopnew00001\",\"shopPass\":\"newpass1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"shopId\":\"tshopnew00001\"", "\"mode\":\"TEST\"",
                "\"pciDssCompliant\":true", "\"creditContracted\":true", "\"jcbPrecaContracted\":true",
                "\"netCashContracted\":true").doesNotContain("newpass1");
        assertThat(created.body()).matches(".*\"robotAid\":\"[0-9]{6}\".*");
        byte[] stored = jdbc.sql("SELECT shop_pass_enc FROM shop WHERE shop_id = 'tshopnew00001'").query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("newpass1");

        var shopApi = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshopnew00001", "newpass1"));
        String orderId = newOrderId();
        var charge = shopApi.post("/credit/charge", chargeBody(orderId, 1000, "CAPTURE"));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertThat(charge.at("/orderReference/status")).isEqualTo("CAPTURE");
        String accessId = charge.at("/orderReference/accessId");
        assertThat(shopApi.post("/order/inquiry", "{\"accessId\":\"" + accessId + "\"}").status()).isEqualTo(200);
        assertThat(inquiry(accessId).status()).as("the demo shop cannot see it").isNotEqualTo(200);

        String cardNo = newCard(5000);
        String precaOrderId = newOrderId();
        var entry = idpass.post("EntryTranJcbPreca", params("ShopID", "tshopnew00001", "ShopPass", "newpass1",
                "OrderID", precaOrderId, "Amount", "300", "Tax", "0"));
        assertThat(entry.isError()).as(entry.body()).isFalse();
        var exec = idpass.post("ExecTranJcbPreca", params("ShopID", "tshopnew00001", "ShopPass", "newpass1",
                "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"), "OrderID", precaOrderId,
                "CardNo", cardNo, "ApprovalNo", "1234"));
        assertThat(exec.isError()).as(exec.body()).isFalse();
        assertThat(cardBalance(cardNo)).isEqualTo(4700);
        var search = idpass.post("SearchTradeMulti", params("ShopID", "tshopnew00001", "ShopPass", "newpass1",
                "OrderID", precaOrderId, "PayType", "14"));
        assertThat(search.get("Status")).isEqualTo("SALES");
    }

    @Test
    void settingsInTheBodyReplaceTheDemoContracts() {
        var created = sandbox("POST", "/sandbox/shops", """
                {"shopId":"tshopnew00002","shopPass":"newpass2","robotAid":"200002",
                 "settings":{"pciDssCompliant":false,"jcbPrecaContracted":false,"netCashPaymentTermMinutes":30}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"robotAid\":\"200002\"", "\"pciDssCompliant\":false",
                "\"jcbPrecaContracted\":false", "\"netCashPaymentTermMinutes\":30", "\"creditContracted\":true");
        var charge = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshopnew00002", "newpass2"))
                .post("/credit/charge", chargeBody(newOrderId(), 1000, "CAPTURE"));
        assertThat(charge.status()).as("card data without PCI DSS: " + charge.body()).isEqualTo(400);
        assertThat(charge.at("/title")).isEqualTo("invalid_contract");
        var entry = idpass.post("EntryTranJcbPreca", params("ShopID", "tshopnew00002", "ShopPass", "newpass2",
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(entry.body()).isEqualTo("ErrCode=E61&ErrInfo=E61020001");
    }

    @Test
    void anExistingShopIdOrRobotAidIsA409AndChangesNothing() {
        var first = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"tshopnew00003\",\"shopPass\":\"newpass3\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var again = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"tshopnew00003\",\"shopPass\":\"other003\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"shopId exists\"}");
        var demo = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"" + SHOP_ID + "\",\"shopPass\":\"other001\"}");
        assertThat(demo.statusCode()).isEqualTo(409);
        var aidTaken = sandbox("POST", "/sandbox/shops",
                "{\"shopId\":\"tshopnew00004\",\"shopPass\":\"newpass4\",\"robotAid\":\"100001\"}");
        assertThat(aidTaken.statusCode()).isEqualTo(409);
        assertThat(aidTaken.body()).isEqualTo("{\"error\":\"robotAid is taken by another shop\"}");

        assertThat(entry(100, 0)).as("the demo shop keeps its password").containsKey("AccessID");
        var oldPass = idpass.post("EntryTranJcbPreca", params("ShopID", "tshopnew00003", "ShopPass", "newpass3",
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(oldPass.isError()).as(oldPass.body()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id = 'tshopnew00004'").query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsA400WithTheReason() {
        record Case(String body, String reason) {}
        for (var c : List.of(
                new Case("{\"shopPass\":\"pass0001\"}", "shopId"),
                new Case("{\"shopId\":\"\",\"shopPass\":\"pass0001\"}", "shopId"),
                new Case("{\"shopId\":\"tshop000000011\",\"shopPass\":\"pass0001\"}", "shopId"),
                new Case("{\"shopId\":\"tshop-0000001\",\"shopPass\":\"pass0001\"}", "shopId"),
                new Case("{\"shopId\":\"ｔshop0000001\",\"shopPass\":\"pass0001\"}", "shopId"),
                new Case("{\"shopId\":\"tshopbad00001\"}", "shopPass"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"\"}", "shopPass"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass00001\"}", "shopPass"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass_001\"}", "shopPass"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"robotAid\":\"12345\"}", "robotAid"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"settings\":{\"creditContracted\":\"yes\"}}",
                        "creditContracted"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"settings\":{\"installmentCounts\":[1]}}",
                        "installmentCounts"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"settings\":{\"netCashPaymentTermMinutes\":0}}",
                        "invalid settings"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"settings\":{\"resultNotificationUrl\":\"ftp://x\"}}",
                        "resultNotificationUrl"),
                new Case("{\"shopId\":\"tshopbad00001\",\"shopPass\":\"pass0001\",\"settings\":[]}", "JSON object"),
                new Case("not json", "JSON object"))) {
            var answer = sandbox("POST", "/sandbox/shops", c.body());
            assertThat(answer.statusCode()).as(c.body()).isEqualTo(400);
            assertThat(answer.body()).as(c.body()).startsWith("{\"error\":\"").contains(c.reason());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id = 'tshopbad00001'").query(Long.class).single()).isZero();
    }
}
