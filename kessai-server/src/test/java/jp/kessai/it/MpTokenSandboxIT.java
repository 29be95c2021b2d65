package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.platform.time.KessaiClock;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code POST /sandbox/mp-tokens}: MP tokens for a TEST-mode shop from a test card in clear, without a browser. The
 * tokens are the core's ({@code CardTokens.issueTestCard}, the issuing code of {@code /payment/CreateToken.json}):
 * they charge once, carry the holder name, belong to their shop, are sealed at rest, and the card is checked with the
 * tokenizer's codes. A PRODUCTION-mode shop gets none.
 */
@ExtendWith(OutputCaptureExtension.class)
class MpTokenSandboxIT extends OpenApiIntegrationTest {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    @Autowired
    ShopDirectory shops;

    private OpenApiClient.Answer mint(String json) {
        var response = sandbox("POST", "/sandbox/mp-tokens", json);
        return new OpenApiClient.Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String card(String shopId, String number, String extra) {
        return "{\"shopId\":\"" + shopId + "\",\"cardNumber\":\"" + number + "\",\"expiryMonth\":\"06\","
                + "\"expiryYear\":\"2033\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private long tokenRows() {
        return jdbc.sql("SELECT count(*) FROM card_token").query(Long.class).single();
    }

    @Test
    void mintedTokensChargeOnceEachWithTheCardAndHolderTheyWereMintedFor(CapturedOutput output) {
        Instant before = Instant.now();
        var minted = mint(card(SHOP_ID, CardTestCards.MASTERCARD,
                "\"securityCode\":\"123\",\"cardholderName\":\"HANAKO MIHON\",\"tokenNumber\":\"2\""));
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(minted.contentType()).startsWith("application/json");
        assertThat(minted.json().propertyNames()).containsExactly("result", "maskedCardNumber", "tokenExpiryDate",
                "isSecurityCodeSet", "tokenList");
        assertThat(minted.at("/result")).isEqualTo("success");
        assertThat(minted.at("/maskedCardNumber")).isEqualTo("555555******4444");
        assertThat(minted.at("/isSecurityCodeSet")).isEqualTo("true");
        Instant expiry = LocalDateTime.parse(minted.at("/tokenExpiryDate"), EXPIRY).atZone(KessaiClock.JST).toInstant();
        assertThat(expiry).as("30 minutes, JST").isBetween(before.plusSeconds(1799), Instant.now().plusSeconds(1800));
        String first = minted.at("/tokenList/0");
        String second = minted.at("/tokenList/1");
        assertThat(minted.json().get("tokenList")).hasSize(2);
        assertThat(first).hasSize(64).isNotEqualTo(second);

        for (String token : new String[] {first, second}) {
            var charge = api.post("/credit/charge", MpTokenIT.tokenChargeBody(newOrderId(), 1500, "MP_TOKEN", token, ""),
                    idempotencyKey(newKey()));
            assertThat(charge.status()).as(charge.body()).isEqualTo(201);
            assertThat(charge.at("/creditResult/cardResult/cardNumber")).isEqualTo("************4444");
            assertThat(charge.at("/creditResult/cardResult/brand")).isEqualTo("MASTERCARD");
            assertThat(charge.at("/creditResult/cardResult/cardholderName")).isEqualTo("HANAKO MIHON");
            var again = api.post("/credit/charge", MpTokenIT.tokenChargeBody(newOrderId(), 1500, "MP_TOKEN", token, ""));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.at("/detail"))
                    .isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
        }
        assertThat(output.getAll()).doesNotContain(CardTestCards.MASTERCARD).doesNotContain(first);
    }

    @Test
    void aTestCardDecidesTheOutcomeAsItWouldWithCardDataAndNumbersAreAcceptedAsText() {
        var minted = mint("{\"shopId\":\"" + SHOP_ID + "\",\"cardNumber\":4000000000000002,\"expiryMonth\":6,"
                + "\"expiryYear\":33,\"tokenNumber\":1}");
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(minted.at("/maskedCardNumber")).isEqualTo("400000******0002");
        assertThat(minted.at("/isSecurityCodeSet")).isEqualTo("false");
        var charge = api.post("/credit/charge",
                MpTokenIT.tokenChargeBody(newOrderId(), 1000, "MP_TOKEN", minted.at("/tokenList/0"), ""));
        assertThat(charge.status()).as(charge.body()).isEqualTo(402);
        assertThat(charge.at("/title")).isEqualTo("card_declined");
    }

    @Test
    void theCardIsSealedAtRestAsTheTokenizersCardIs() {
        String number = "3530111333300000";
        long rows = tokenRows();
        var minted = mint(card(SHOP_ID, number, "\"securityCode\":\"9876\""));
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(tokenRows()).isEqualTo(rows + 1);
        assertThat(jdbc.sql("SELECT masked_card_no FROM card_token WHERE card_sealed IS NOT NULL AND security_code_set")
                .query(String.class).list()).contains("353011******0000");
        for (byte[] sealed : jdbc.sql("SELECT card_sealed FROM card_token WHERE card_sealed IS NOT NULL")
                .query(byte[].class).list()) {
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(number).doesNotContain("9876");
        }
        // getCardDetails reads the token (contract on for the demo shop) and leaves it usable
        var details = api.post("/credit/getCardDetails", "{\"cardInformation\":{\"tokenizedCard\":{\"type\":\"MP_TOKEN\","
                + "\"token\":\"" + minted.at("/tokenList/0") + "\"}}}");
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.at("/cardDetailResult/cardNumber")).isEqualTo("************0000");
        assertThat(details.at("/cardDetailResult/brand")).isEqualTo("JCB");
        assertThat(details.at("/cardDetailResult/expiryMonth")).isEqualTo("06");
    }

    @Test
    void aTokenBelongsToTheShopItWasMintedFor() {
        String shopId = "tmp" + System.nanoTime() % 10_000_000_000L;
        var created = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"" + shopId + "\",\"shopPass\":\"mint0001\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var minted = mint(card(shopId, CardTestCards.VISA, ""));
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        String token = minted.at("/tokenList/0");

        var demo = api.post("/credit/charge", MpTokenIT.tokenChargeBody(newOrderId(), 1000, "MP_TOKEN", token, ""));
        assertThat(demo.status()).isEqualTo(400);
        assertThat(demo.at("/detail"))
                .isEqualTo("The value provided for parameter is invalid.(creditInformation.tokenizedCard.token)");
        var own = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(shopId, "mint0001"))
                .post("/credit/charge", MpTokenIT.tokenChargeBody(newOrderId(), 1000, "MP_TOKEN", token, ""));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
    }

    @Test
    void aProductionModeShopGetsNoTokens() {
        String shopId = "prd" + System.nanoTime() % 10_000_000_000L;
        var created = shops.create(shopId, "prod0001", null, ShopMode.PRODUCTION,
                ShopSettings.defaults().withEverythingContracted());
        assertThat(created).isInstanceOf(ShopDirectory.Creation.Created.class);
        long rows = tokenRows();
        var refused = mint(card(shopId, CardTestCards.VISA, ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"error\":\"shopId: sandbox tokens are for TEST-mode shops only\"}");
        assertThat(tokenRows()).isEqualTo(rows);
    }

    @Test
    void badInputGetsTheSandboxErrorFormWithTheTokenizersCodesAndWritesNothing() {
        long rows = tokenRows();
        record Case(String body, int status, String error) {}
        var cases = new Case[] {
                new Case(card(SHOP_ID, "4111111111111112", ""), 400,
                        "card.cardNumber: The card number is not valid (check digit). (101)"),
                new Case("{\"shopId\":\"" + SHOP_ID + "\",\"cardNumber\":\"41111\",\"expiryMonth\":\"13\","
                        + "\"expiryYear\":\"2033\",\"securityCode\":\"12\",\"cardholderName\":\"見本\"}", 400,
                        "card.cardNumber: The card number must have 10 to 16 digits. (102); "
                                + "card.expiryMonth: The expiry month must be 01 to 12. (113); "
                                + "card.securityCode: The security code must have 3 or 4 digits. (122); "
                                + "card.cardholderName: The cardholder name may hold half-width letters, digits, "
                                + "spaces and , . - / only. (131)"),
                new Case("{\"shopId\":\"" + SHOP_ID + "\",\"expiryMonth\":\"06\",\"expiryYear\":\"2033\"}", 400,
                        "card.cardNumber: The card number is required. (100)"),
                new Case(card(SHOP_ID, CardTestCards.VISA, "\"tokenNumber\":\"11\""), 400,
                        "tokenNumber: The number of tokens must be 1 to 10. (142)"),
                new Case(card(SHOP_ID, CardTestCards.VISA, "\"tokenNumber\":\"x\""), 400,
                        "tokenNumber: The number of tokens must be digits only. (141)"),
                new Case(card(SHOP_ID, "41111111111\\u00001111", ""), 400,
                        "card.cardNumber: The card number must be digits only. (101)"),
                new Case(card(SHOP_ID, CardTestCards.VISA, "\"securityCode\":{\"x\":1}"), 400, "securityCode: a string"),
                new Case(card(SHOP_ID, CardTestCards.VISA, "\"tokenNumber\":1.5"), 400, "tokenNumber: a string"),
                new Case(card("", CardTestCards.VISA, ""), 400, "shopId: 1-13 half-width alphanumerics"),
                new Case(card("tshop\\u00001", CardTestCards.VISA, ""), 400, "shopId: 1-13 half-width alphanumerics"),
                new Case(card("nosuchshop42", CardTestCards.VISA, ""), 404, "no such shop"),
                new Case("[1]", 400, "the body must be a JSON object"),
                new Case("{\"shopId\":", 400, "the body must be a JSON object"),
        };
        for (Case c : cases) {
            var answer = mint(c.body());
            assertThat(answer.status()).as(c.body() + " → " + answer.body()).isEqualTo(c.status());
            assertThat(answer.at("/error")).as(c.body()).isEqualTo(c.error());
        }
        var empty = sandbox("POST", "/sandbox/mp-tokens", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(tokenRows()).isEqualTo(rows);
    }
}
