package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 000 end to end over HTTP: Entry → Exec → SearchTradeMulti → BalanceInquiry → Cancel, and every refusal. */
class IdPassJcbPrecaIT extends IntegrationTest {

    private static final String FULL_WIDTH = "お買い上げ№１";

    @Test
    void merchantFlowEntryExecSearchBalanceCancelMatchesTheGoldenFiles() {
        String card = newCard(5000);
        String orderId = newOrderId();
        var entry = idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", orderId, "Amount", "1000", "Tax", "80"));
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.contentType()).isEqualToIgnoringCase("text/plain;charset=Windows-31J");
        Golden.assertMatches("idpass/it/EntryTranJcbPreca-success.txt", entry.body(), Map.of());
        Map<String, String> vars = new HashMap<>(Map.of("OrderID", orderId, "AccessID", entry.get("AccessID"),
                "AccessPass", entry.get("AccessPass"), "CardNo", card, "MaskedCardNo", "************" + card.substring(12)));

        var unpaid = search(orderId);
        Golden.assertMatches("idpass/it/SearchTradeMulti-unprocessed.txt", unpaid.body(), vars);

        var exec = idpass.post("ExecTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", vars.get("AccessID"), "AccessPass", vars.get("AccessPass"), "OrderID", orderId,
                "CardNo", card, "ApprovalNo", "1234", "ClientField1", FULL_WIDTH, "ClientField2", "second",
                "CarryInfo", "CARRY-1"));
        Golden.assertMatches("idpass/it/ExecTranJcbPreca-success.txt", exec.body(), vars);

        var paid = search(orderId);
        Golden.assertMatches("idpass/it/SearchTradeMulti-sales.txt", paid.body(), vars);
        vars.put("SalesCode", paid.get("JcbPrecaSalesCode"));
        assertThat(jdbc.sql("SELECT carry_info FROM sim_preca_txn WHERE sales_code = ?").param(vars.get("SalesCode"))
                .query(String.class).single()).as("CarryInfo reaches the center").isEqualTo("CARRY-1");

        var balance = idpass.post("JcbPrecaBalanceInquiry", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "CardNo", card, "ApprovalNo", "1234"));
        vars.put("Balance", "3920");
        Golden.assertMatches("idpass/it/JcbPrecaBalanceInquiry-success.txt", balance.body(), vars);

        var cancel = cancel(vars);
        Golden.assertMatches("idpass/it/JcbPrecaCancel-success.txt", cancel.body(), vars);
        Golden.assertMatches("idpass/it/SearchTradeMulti-cancel.txt", search(orderId).body(), vars);
        assertThat(cardBalance(card)).as("cancel gives the money back").isEqualTo(5000);
    }

    @Test
    void allInputErrorsAreReportedTogetherAsInTheSeedExamples() {
        var entry = idpass.post("EntryTranJcbPreca", params("ShopPass", SHOP_PASS, "Amount", "100"));
        Golden.assertMatches("idpass/it/EntryTranJcbPreca-seed-example-errors.txt", entry.body(), Map.of());

        var order = entry(100, 0);
        var exec = idpass.post("ExecTranJcbPreca", params("ShopPass", SHOP_PASS, "AccessPass", order.get("AccessPass"),
                "OrderID", order.get("OrderID"), "CardNo", "9990000000000001", "ApprovalNo", "1234"));
        Golden.assertMatches("idpass/it/ExecTranJcbPreca-seed-example-errors.txt", exec.body(), Map.of());

        var cancel = idpass.post("JcbPrecaCancel", params("AccessID", order.get("AccessID"), "AccessPass", order.get("AccessPass")));
        Golden.assertMatches("idpass/it/JcbPrecaCancel-missing-credentials.txt", cancel.body(), Map.of());

        var balance = idpass.post("JcbPrecaBalanceInquiry", params());
        Golden.assertMatches("idpass/it/JcbPrecaBalanceInquiry-missing-all.txt", balance.body(), Map.of());
    }

    @Test
    void entryRejectsBadAmountsOrderIdsAndShopsWithTheSeedCodes() {
        assertThat(entryError("OrderID", newOrderId(), "Amount", "0")).isEqualTo("M01005011");
        assertThat(entryError("OrderID", newOrderId(), "Amount", "-100")).isEqualTo("M01005011");
        assertThat(entryError("OrderID", newOrderId(), "Amount", "1x")).isEqualTo("M01005006");
        assertThat(entryError("OrderID", newOrderId(), "Amount", "123456789")).isEqualTo("M01005005");
        assertThat(entryError("OrderID", "bad_order", "Amount", "100")).isEqualTo("M01004013");
        assertThat(entryError("OrderID", "a".repeat(28), "Amount", "100")).isEqualTo("M01004012");
        assertThat(entryError("OrderID", newOrderId(), "Amount", "100", "Tax", "x")).isEqualTo("M01006006");
        assertThat(entryError("OrderID", newOrderId(), "Amount", "100", "Version", "1234")).isEqualTo("M01001005");
        var wrongPass = idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", "wrong000",
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(wrongPass.body()).isEqualTo("ErrCode=M01&ErrInfo=M01002002");
        var unknownShop = idpass.post("EntryTranJcbPreca", params("ShopID", "tshop99999999", "ShopPass", SHOP_PASS,
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(unknownShop.body()).isEqualTo("ErrCode=M01&ErrInfo=M01002002");
    }

    @Test
    void anOrderIdIsNeverReusedEvenAfterAFailedPayment() {
        var order = entry(1000, 0);
        assertThat(exec(order, newCard(10), "1234").get("ErrInfo")).isEqualTo("JP1000001");
        var again = idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", order.get("OrderID"), "Amount", "1000"));
        assertThat(again.body()).isEqualTo("ErrCode=M01&ErrInfo=M01004010");
    }

    @Test
    void aDeclinedPaymentReturnsTheStateBeforeProcessingAndCanBeRetriedWithAnotherCard() {
        String poorCard = newCard(500);
        var order = entry(1000, 80);
        var declined = exec(order, poorCard, "1234");
        Golden.assertMatches("idpass/it/ExecTranJcbPreca-insufficient-balance.txt", declined.body(), order);
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("UNPROCESSED");
        assertThat(cardBalance(poorCard)).isEqualTo(500);

        var paid = exec(order, newCard(2000), "1234");
        assertThat(paid.get("Status")).isEqualTo("SALES");
        assertThat(paid.get("AfterBalance")).isEqualTo("920");
    }

    @Test
    void eachCenterRefusalHasItsOwnCode() {
        assertThat(execError(newCard(5000), "9999")).isEqualTo("JP1000005");
        assertThat(execError("8800000000000000", "1234")).isEqualTo("JP1000007");
        assertThat(execError(newCard(5000, "\"invalidStatus\":1"), "1234")).isEqualTo("JP1000006");
        assertThat(execError(newCard(5000, "\"termStatus\":1"), "1234")).isEqualTo("JP1000008");
        assertThat(execError(newCard(5000, "\"validLimit\":\"20200101\""), "1234")).isEqualTo("JP1000008");
        assertThat(execError(newCard(5000, "\"termStatus\":2"), "1234")).isEqualTo("JP1000004");
        assertThat(execError(newCard(5000), "12345678901234567")).isEqualTo("E01250008");
        assertThat(execError("12ab", "1234")).isEqualTo("E01170006");
    }

    @Test
    void firstUseOfANonActivatedCardActivatesIt() {
        String card = newCard(5000, "\"activateStatus\":0");
        assertThat(exec(entry(100, 0), card, "1234").get("CardActivateStatus")).isEqualTo("2");
        assertThat(exec(entry(100, 0), card, "1234").get("CardActivateStatus")).isEqualTo("1");
    }

    @Test
    void balanceInquiryRefusesCardsThatDoNotAllowWebInquiry() {
        String card = newCard(5000, "\"webInquiryStatus\":1");
        var answer = idpass.post("JcbPrecaBalanceInquiry", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "CardNo", card, "ApprovalNo", "1234"));
        assertThat(answer.body()).isEqualTo("ErrCode=JP1&ErrInfo=JP1000012");
        assertThat(exec(entry(100, 0), card, "1234").get("Status")).as("payment is still allowed").isEqualTo("SALES");
    }

    @Test
    void stateTableRejectsEveryOtherMove() {
        var order = entry(100, 0);
        assertThat(cancel(order).body()).as("cancel before payment").isEqualTo("ErrCode=E11&ErrInfo=E11010002");
        String card = newCard(1000);
        assertThat(exec(order, card, "1234").get("Status")).isEqualTo("SALES");
        assertThat(exec(order, card, "1234").body()).as("pay twice").isEqualTo("ErrCode=E11&ErrInfo=E11010001");
        assertThat(cardBalance(card)).isEqualTo(900);
        assertThat(cancel(order).get("Status")).isEqualTo("CANCEL");
        assertThat(cancel(order).body()).as("cancel twice").isEqualTo("ErrCode=JP1&ErrInfo=JP1000020");
        assertThat(exec(order, card, "1234").body()).as("pay after cancel").isEqualTo("ErrCode=E11&ErrInfo=E11010001");
        assertThat(cardBalance(card)).isEqualTo(1000);
    }

    @Test
    void cancelIsRefusedAfter720HoursAndTheOrderStaysSold() {
        var order = entry(1000, 80);
        String card = newCard(5000);
        assertThat(exec(order, card, "1234").get("Status")).isEqualTo("SALES");
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + (720 * 3600 + 60) + "}");
        Golden.assertMatches("idpass/it/JcbPrecaCancel-window-passed.txt", cancel(order).body(), order);
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("SALES");
        assertThat(cardBalance(card)).isEqualTo(3920);
    }

    @Test
    void ordersAreFoundOnlyWithTheirOwnAccessPassOrderIdAndShop() {
        var order = entry(100, 0);
        String card = newCard(1000);
        var wrongPass = new HashMap<>(order);
        wrongPass.put("AccessPass", "0".repeat(32));
        assertThat(exec(wrongPass, card, "1234").body()).isEqualTo("ErrCode=M01&ErrInfo=M01058002");
        var wrongOrder = new HashMap<>(order);
        wrongOrder.put("OrderID", newOrderId());
        assertThat(exec(wrongOrder, card, "1234").body()).isEqualTo("ErrCode=M01&ErrInfo=M01004002");
        assertThat(cancel(wrongPass).body()).isEqualTo("ErrCode=E01&ErrInfo=E01110002");
        assertThat(search(newOrderId()).body()).isEqualTo("ErrCode=E01&ErrInfo=E01110002");
        var badPayType = idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", order.get("OrderID"), "PayType", "99"));
        assertThat(badPayType.body()).isEqualTo("ErrCode=M01&ErrInfo=M01051011");
        var otherShop = idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", "nope0000",
                "OrderID", order.get("OrderID"), "PayType", "14"));
        assertThat(otherShop.body()).isEqualTo("ErrCode=E01&ErrInfo=E01030002");
        assertThat(cardBalance(card)).isEqualTo(1000);
    }

    @Test
    void theCardNumberIsStoredOnlyEncryptedAndShownMasked() {
        String card = newCard(1000);
        var order = entry(100, 0);
        exec(order, card, "1234");
        var row = jdbc.sql("SELECT card_no_enc, card_no_masked FROM payment_order WHERE order_id = ?")
                .param(order.get("OrderID")).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)}).single();
        assertThat(new String((byte[]) row[0], java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(card);
        assertThat(row[1]).isEqualTo("************" + card.substring(12));
        assertThat(search(order.get("OrderID")).get("CardNo")).isEqualTo(row[1]);
    }

    @Test
    void wrongMethodsUnknownEndpointsAndOversizedBodiesGetIdPassErrors() {
        var get = idpass.get("EntryTranJcbPreca");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("ErrCode=E31&ErrInfo=E31500014");
        var unknown = idpass.post("NoSuchThing", params("ShopID", SHOP_ID));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("ErrCode=E91&ErrInfo=E91099999");
        var huge = idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ClientField1", "x".repeat(70_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).startsWith("ErrCode=");
    }

    private String entryError(String... keyValues) {
        var params = params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS);
        params.putAll(params(keyValues));
        var answer = idpass.post("EntryTranJcbPreca", params);
        assertThat(answer.isError()).as(answer.body()).isTrue();
        return answer.get("ErrInfo");
    }

    private String execError(String card, String approvalNo) {
        var answer = exec(entry(100, 0), card, approvalNo);
        assertThat(answer.isError()).as(answer.body()).isTrue();
        return answer.get("ErrInfo");
    }
}
