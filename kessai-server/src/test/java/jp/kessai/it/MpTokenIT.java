package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.kessai.core.credit.CardEntry;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenKeys;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * MP tokens over real HTTP: /payment/CreateToken.json with browser-style encryption, its result codes, and
 * /credit/charge with tokenizedCard — single use, expiry on the sandbox clock, shop isolation, wrong keys, the sandbox
 * Apple Pay / Google Pay format, and a leak check of the card number through tables, logs and answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class MpTokenIT extends OpenApiIntegrationTest {

    @Autowired
    TokenKeys tokenKeys;

    @Autowired
    ShopDirectory shops;

    @Autowired
    CardTokens cardTokens;

    @Autowired
    CreditCharge charge;

    private TokenKeys.ShopKeys keys;
    private MpTokenClient tokenizer;

    @BeforeEach
    void keys() {
        keys = tokenKeys.ensure(shops.findByShopId(SHOP_ID).orElseThrow());
        tokenizer = new MpTokenClient(baseUrl(), keys.apiKey(), keys.publicKey());
    }

    static String tokenChargeBody(String orderId, long amount, String type, String token, String options) {
        return chargeBody(orderId, amount, CardTestCards.VISA, "AUTH", options).replaceFirst(
                "\"card\":\\{[^}]*\\}", "\"tokenizedCard\":{\"type\":\"" + type + "\",\"token\":\"" + token + "\"}");
    }

    @Test
    void aTokenChargesOnceAndIsThenUsedUp() {
        var answer = tokenizer.create(MpTokenClient.card(CardTestCards.MASTERCARD, "06", "2033", "123", "TARO MIHON"), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.at("/result")).isEqualTo("success");
        assertThat(answer.at("/maskedCardNumber")).isEqualTo("555555******4444");
        assertThat(answer.at("/isSecurityCodeSet")).isEqualTo("true");
        assertThat(answer.at("/tokenExpiryDate")).matches("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
        String token = answer.at("/tokenList/0");
        assertThat(token).hasSize(64);

        String orderId = newOrderId();
        var charge = api.post("/credit/charge", tokenChargeBody(orderId, 1200, "MP_TOKEN", token, ""),
                idempotencyKey(newKey()));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertSchema("CreditChargeResponse", charge);
        assertThat(charge.at("/creditResult/cardType")).isEqualTo("CREDIT_CARD");
        assertThat(charge.at("/creditResult/cardResult/cardNumber")).isEqualTo("************4444");
        assertThat(charge.at("/creditResult/cardResult/cardholderName")).isEqualTo("TARO MIHON");
        assertThat(charge.at("/creditResult/cardResult/brand")).isEqualTo("MASTERCARD");

        var again = api.post("/credit/charge", tokenChargeBody(newOrderId(), 1200, "MP_TOKEN", token, ""));
        problem(again, "invalid_parameter");
        assertThat(again.at("/detail")).isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
        assertThat(jdbc.sql("SELECT count(*) FROM card_token WHERE spent_order_id = ?").param(orderId)
                .query(Long.class).single()).as("spent by the charge's order").isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM card_token WHERE spent_order_id = ? AND card_sealed IS NOT NULL")
                .param(orderId).query(Long.class).single()).as("the acquirer answered: no card data left").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM card_token WHERE used_at IS NOT NULL AND card_sealed IS NOT NULL"
                + " AND spent_order_id IS NULL").query(Long.class).single())
                .as("only an order whose call was never answered keeps a used token's card data").isZero();
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyDoesNotNeedTheTokenAgain() {
        String token = tokenizer.token(CardTestCards.VISA, "123");
        String body = tokenChargeBody(newOrderId(), 800, "MP_TOKEN", token, "");
        String key = newKey();
        var first = api.post("/credit/charge", body, idempotencyKey(key));
        var replay = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
    }

    /**
     * The battery (docs/reliability.md): a token redeemed in a transaction of its own was used up when the node died
     * or lost its database before the charge claimed its order, and the merchant's retry was refused "already used".
     * The token is now spent by the claim itself: a claim that does not commit leaves it usable.
     */
    @Test
    void aChargeCutOffBeforeItsClaimCommittedLeavesTheTokenForItsRetry() {
        Shop shop = shops.findByShopId(SHOP_ID).orElseThrow();
        String token = tokenizer.token(CardTestCards.VISA, "123");
        String orderId = newOrderId();
        var read = (CardTokens.Redemption.Redeemed) cardTokens.forUse(shop, token);
        var command = new CreditCharge.Command(orderId, 700, ClientFields.NONE, read.card().number(),
                read.card().expiryMonth(), read.card().expiryYear(), read.card().securityCode(), null, false,
                CreditPaymentMethod.ONE_TIME, null, "0000990", "1.6.2", "{}", CardEntry.MP_TOKEN, read.spend());
        Participant<CreditOutcome> lostAtClaim = new Participant<>() {
            @Override
            public boolean atClaim() {
                throw new DataAccessResourceFailureException("the database went away during the claim");
            }

            @Override
            public void atFinish(CreditOutcome result) {}
        };
        assertThatThrownBy(() -> charge.charge(shop, Channel.OPENAPI, command, lostAtClaim))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(orderId)
                .query(Long.class).single()).as("the claim was rolled back").isZero();

        var retry = api.post("/credit/charge", tokenChargeBody(orderId, 700, "MP_TOKEN", token, ""),
                idempotencyKey(newKey()));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.at("/creditResult/cardResult/cardNumber")).isEqualTo("************1111");
        var again = api.post("/credit/charge", tokenChargeBody(newOrderId(), 700, "MP_TOKEN", token, ""));
        assertThat(again.at("/detail")).as("spent by the claim that committed")
                .isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
    }

    /**
     * The battery again: the node died after the charge's claim, before the acquirer was reached (here: the request is
     * dropped on its way, the outcome unknown, and the reconciler finds nothing at the acquirer). The claim spent the
     * token, but the merchant's retry of the same order pays with it; no other order can.
     */
    @Test
    void aChargeWhoseCallNeverReachedTheAcquirerIsRetriedWithTheSameToken() {
        String token = tokenizer.token(CardTestCards.VISA, "123");
        String orderId = newOrderId();
        String key = newKey();
        String body = tokenChargeBody(orderId, 900, "MP_TOKEN", token, "");
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"DROP_REQUEST\"}");
        var lost = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(lost.status()).as(lost.body()).isEqualTo(502);
        var other = api.post("/credit/charge", tokenChargeBody(newOrderId(), 900, "MP_TOKEN", token, ""));
        assertThat(other.at("/detail")).as("spent by the first order's claim")
                .isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":180}");
        reconcileCredit();
        assertThat(api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}").at("/orderReference/status"))
                .as("settled as failed: nothing happened at the acquirer").isEqualTo("UNPROCESSED");

        var retry = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(jdbc.sql("SELECT count(*) FROM card_token WHERE spent_order_id = ? AND card_sealed IS NOT NULL")
                .param(orderId).query(Long.class).single()).as("the acquirer answered: the card data is gone").isZero();
        var again = api.post("/credit/charge", tokenChargeBody(newOrderId(), 900, "MP_TOKEN", token, ""));
        assertThat(again.at("/detail")).isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
    }

    /** A declined charge uses its token up, for its own order too: the acquirer answered. */
    @Test
    void aDeclinedTokenChargeUsesTheTokenUpEvenForItsOwnOrder() {
        String token = tokenizer.token(CardTestCards.VISA, "123");
        String orderId = newOrderId();
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"CARD_DECLINED\"}");
        var declined = api.post("/credit/charge", tokenChargeBody(orderId, 950, "MP_TOKEN", token, ""));
        assertThat(declined.status()).as(declined.body()).isNotEqualTo(201);
        assertThat(declined.at("/detail")).isNotEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
        var again = api.post("/credit/charge", tokenChargeBody(orderId, 950, "MP_TOKEN", token, ""));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.at("/detail")).isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
    }

    /** A charge refused before it claims (its OrderID is taken) does not use the token up either. */
    @Test
    void aChargeRefusedBeforeItsClaimLeavesTheTokenUsable() {
        String orderId = newOrderId();
        assertThat(api.post("/credit/charge", chargeBody(orderId, 500, CardTestCards.VISA, "AUTH", "")).status())
                .isEqualTo(201);
        String token = tokenizer.token(CardTestCards.VISA, "123");
        var taken = api.post("/credit/charge", tokenChargeBody(orderId, 500, "MP_TOKEN", token, ""));
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        assertThat(taken.at("/title")).isNotEqualTo("invalid_parameter");
        assertThat(api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "MP_TOKEN", token, "")).status())
                .as("the refused charge left the token usable").isEqualTo(201);
    }

    @Test
    void tokenNumberAsksForSeveralTokensEachUsableOnce() {
        var answer = tokenizer.create(MpTokenClient.card(CardTestCards.VISA, "6", "33", null, null), "3");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.at("/isSecurityCodeSet")).isEqualTo("false");
        List<String> tokens = new ArrayList<>();
        answer.json().get("tokenList").forEach(t -> tokens.add(t.asString()));
        assertThat(new HashSet<>(tokens)).hasSize(3);
        for (String token : tokens) {
            var charge = api.post("/credit/charge", tokenChargeBody(newOrderId(), 300, "MP_TOKEN", token, ""));
            assertThat(charge.status()).as(charge.body()).isEqualTo(201);
            assertThat(charge.at("/creditResult/cardResult/expiryMonth")).isEqualTo("06");
            assertThat(charge.at("/creditResult/cardResult/expiryYear")).isEqualTo("2033");
        }
    }

    @Test
    void aTokenExpiresAfterThirtyMinutesOnTheSandboxClock() {
        String fresh = tokenizer.token(CardTestCards.VISA, "123");
        String stale = tokenizer.token(CardTestCards.VISA, "123");
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":1700}");
        assertThat(api.post("/credit/charge", tokenChargeBody(newOrderId(), 100, "MP_TOKEN", fresh, "")).status())
                .as("29 minutes 20 seconds old").isEqualTo(201);
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":120}");
        var expired = api.post("/credit/charge", tokenChargeBody(newOrderId(), 100, "MP_TOKEN", stale, ""));
        problem(expired, "invalid_parameter");
        assertThat(expired.at("/detail")).isEqualTo("The token has expired.(creditInformation.tokenizedCard.token)");
    }

    @Test
    void aTokenBelongsToItsShop() {
        String otherShop = "tshopmp" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var created = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"" + otherShop + "\",\"shopPass\":\"pass1234\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"mpToken\":{").contains("\"apiKey\":").contains("\"publicKey\":");
        String token = tokenizer.token(CardTestCards.VISA, "123");
        var other = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(otherShop, "pass1234"));
        var refused = other.post("/credit/charge", tokenChargeBody(newOrderId(), 100, "MP_TOKEN", token, ""));
        problem(refused, "invalid_parameter");
        assertThat(refused.at("/detail")).isEqualTo("The value provided for parameter is invalid.(creditInformation.tokenizedCard.token)");
        assertThat(api.post("/credit/charge", tokenChargeBody(newOrderId(), 100, "MP_TOKEN", token, "")).status())
                .as("the other shop's attempt did not use it up").isEqualTo(201);
    }

    @Test
    void aShopWithoutThePciDssFlagPaysWithTokensButNotWithCardData() {
        var shop = newShop("tshopnp", "{\"pciDssCompliant\":false}");
        var merchant = shop.merchant();
        String token = shop.tokenizer().token(CardTestCards.JCB, "1234");
        assertThat(merchant.post("/credit/charge", tokenChargeBody(newOrderId(), 100, "MP_TOKEN", token, "")).status())
                .isEqualTo(201);
        problem(merchant.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")), "invalid_contract");
        String both = tokenChargeBody(newOrderId(), 100, "MP_TOKEN", shop.tokenizer().token(CardTestCards.JCB, "1234"), "")
                .replace("\"tokenizedCard\":", "\"card\":{\"cardNumber\":\"4111111111111111\",\"expiryMonth\":\"06\","
                        + "\"expiryYear\":\"2033\"},\"tokenizedCard\":");
        problem(merchant.post("/credit/charge", both), "invalid_contract");
    }

    @Test
    void theTokenizerAnswersTheDocumentedResultCodes() {
        assertCode(MpTokenClient.card(null, "06", "2033", null, null), null, "100", "card.cardNumber");
        assertCode(MpTokenClient.card("4111-1111", "06", "2033", null, null), null, "101", "card.cardNumber");
        assertCode(MpTokenClient.card("4111111111111112", "06", "2033", null, null), null, "101", "card.cardNumber");
        assertCode(MpTokenClient.card("411111111", "06", "2033", null, null), null, "102", "card.cardNumber");
        assertCode(MpTokenClient.card("41111111111111111", "06", "2033", null, null), null, "102", "card.cardNumber");
        assertCode(MpTokenClient.card(CardTestCards.VISA, null, "2033", null, null), null, "110", "card.expiryMonth");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "0a", "2033", null, null), null, "111", "card.expiryMonth");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "203", null, null), null, "112", "card.expiryYear");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "13", "2033", null, null), null, "113", "card.expiryMonth");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", "12a", null), null, "121", "card.securityCode");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", "12", null), null, "122", "card.securityCode");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", "12345", null), null, "122", "card.securityCode");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, "山田 太郎"), null, "131", "card.cardholderName");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, "A".repeat(51)), null, "132", "card.cardholderName");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, null), "x", "141", "tokenNumber");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, null), "11", "142", "tokenNumber");
        assertCode(MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, null), "0", "142", "tokenNumber");
        assertCode("{\"card\":\"4111111111111111\"}", null, "191", "encryptedData");
        assertCode("not json", null, "191", "encryptedData");

        var several = tokenizer.create(MpTokenClient.card("4111111111111112", "13", "2033", "1", null), null);
        assertThat(several.json().get("errorList")).extracting(e -> e.get("legacyCode").asString())
                .containsExactly("101", "113", "122");
    }

    @Test
    void wrongKeysAreRefused() throws Exception {
        String encrypted = MpTokenClient.encrypt(keys.publicKey(), MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, null));
        assertRaw(tokenizer.raw(null, encrypted, null), "160");
        assertRaw(tokenizer.raw(keys.apiKey(), null, null), "150");
        assertRaw(tokenizer.raw("bm8tc3VjaC1rZXk=", encrypted, null), "180");
        String otherShop = "tshopwk" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var created = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"" + otherShop + "\",\"shopPass\":\"pass1234\"}");
        String otherPublicKey = created.body().replaceAll(".*\"publicKey\":\"([^\"]+)\".*", "$1");
        String forOtherShop = MpTokenClient.encrypt(otherPublicKey, MpTokenClient.card(CardTestCards.VISA, "06", "2033", null, null));
        assertRaw(tokenizer.raw(keys.apiKey(), forOtherShop, null), "190");
        assertRaw(tokenizer.raw(keys.apiKey(), "bm90IGVuY3J5cHRlZA==", null), "190");
        assertRaw(tokenizer.raw(keys.apiKey(), "%%%", null), "190");
        var preflight = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/payment/CreateToken.json"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://merchant.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).as("a browser's CORS preflight").isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
        var options = new OpenApiClient(baseUrl()).send("OPTIONS", "/payment/CreateToken.json", null, null);
        assertThat(options.status()).isEqualTo(204);
        assertThat(new OpenApiClient(baseUrl()).send("GET", "/payment/CreateToken.json", null, null).status()).isEqualTo(405);
    }

    @Test
    void sandboxApplePayAndGooglePayTokensNameATestCard() {
        String apple = wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.VISA + "\",\"expiryMonth\":\"09\","
                + "\"expiryYear\":\"2031\",\"cardholderName\":\"HANAKO MIHON\"}}");
        var charged = api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "APPLE_PAY_TOKEN", apple, ""));
        assertThat(charged.status()).as(charged.body()).isEqualTo(201);
        assertSchema("CreditChargeResponse", charged);
        assertThat(charged.at("/creditResult/cardType")).isEqualTo("APPLE_PAY");
        assertThat(charged.at("/creditResult/cardResult/expiryYear")).isEqualTo("2031");
        var order = inquiry(charged.at("/orderReference/accessId"));
        assertThat(order.at("/creditResult/cardType")).isEqualTo("APPLE_PAY");

        String google = wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.JCB + "\"}}");
        var google1 = api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "GOOGLE_PAY_TOKEN", google, ""));
        assertThat(google1.status()).as(google1.body()).isEqualTo(201);
        assertThat(google1.at("/creditResult/cardType")).isEqualTo("GOOGLE_PAY");
        assertThat(google1.at("/creditResult/cardResult/expiryMonth")).isEqualTo("12");

        var declined = api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "GOOGLE_PAY_TOKEN",
                wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.DECLINED + "\"}}"), ""));
        problem(declined, "card_declined");
        var installments = api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "APPLE_PAY_TOKEN", apple,
                "\"paymentMethod\":\"INSTALLMENT\",\"installments\":\"3\""));
        problem(installments, "invalid_parameter");
        assertThat(installments.at("/detail")).endsWith("(creditInformation.creditChargeOptions.paymentMethod)");
        var garbage = api.post("/credit/charge", tokenChargeBody(newOrderId(), 500, "APPLE_PAY_TOKEN", "bm90IGpzb24=", ""));
        problem(garbage, "invalid_parameter");
        assertThat(garbage.at("/detail")).endsWith("(creditInformation.tokenizedCard.token)");
    }

    @Test
    void noFullCardNumberReachesTheDatabaseTheLogsOrTheAnswers(CapturedOutput output) {
        String number = luhnValid("45" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L)));
        List<String> answers = new ArrayList<>();
        var issued = tokenizer.create(MpTokenClient.card(number, "06", "2033", "987", "TARO MIHON"), "2");
        answers.add(issued.body());
        var charge = api.post("/credit/charge", tokenChargeBody(newOrderId(), 700, "MP_TOKEN", issued.at("/tokenList/0"), ""));
        answers.add(charge.body());
        assertThat(charge.status()).isEqualTo(201);
        answers.add(api.post("/credit/charge", tokenChargeBody(newOrderId(), 700, "MP_TOKEN", issued.at("/tokenList/0"), "")).body());
        answers.add(inquiry(charge.at("/orderReference/accessId")).body());
        answers.add(tokenizer.create(MpTokenClient.card(number, "13", "2033", "987", null), null).body());

        String tables = jdbc.sql("""
                SELECT string_agg(t::text, '|') FROM card_token t""").query(String.class).single();
        assertThat(tables).doesNotContain(number).doesNotContain(number.substring(0, 12));
        String everything = jdbc.sql("""
                SELECT string_agg(x, '|') FROM (SELECT t::text AS x FROM payment_order t UNION ALL
                  SELECT t::text FROM credit_order t UNION ALL SELECT t::text FROM openapi_idempotency t UNION ALL
                  SELECT t::text FROM mp_token_key t UNION ALL SELECT t::text FROM order_operation t) all_rows""")
                .query(String.class).single();
        assertThat(everything).doesNotContain(number);
        assertThat(String.join("\n", answers)).doesNotContain(number).contains(number.substring(0, 6) + "******" + number.substring(12));
        assertThat(output.getAll()).doesNotContain(number);
    }

    private static String vaultMember() {
        return "mt-" + System.nanoTime() % 1_000_000_000L + "@it";
    }

    private static String tokenized(String type, String token) {
        return "\"tokenizedCard\":{\"type\":\"" + type + "\",\"token\":\"" + token + "\"}";
    }

    private static String storeWithToken(String type, String token, String onfileCardOptions) {
        return "{\"merchant\":" + VaultFixtures.MERCHANT + ",\"creditStoringInformation\":{" + tokenized(type, token)
                + ",\"onfileCardOptions\":" + onfileCardOptions + "}}";
    }

    /** A problem of a vault endpoint: media type, title, exact detail, instance and the Problem schema. */
    private static void vaultProblem(OpenApiClient.Answer answer, String instance, String title, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.body()).isEqualTo("application/problem+json");
        assertThat(answer.at("/title")).as(answer.body()).isEqualTo(title);
        assertThat(answer.at("/detail")).isEqualTo(detail);
        assertThat(answer.at("/instance")).isEqualTo(instance);
        assertThat(ResponseSchemaCheck.violations("Problem", answer.body())).isEmpty();
    }

    @Test
    void aTokenStoresACardInTheVaultWhichIsThenChargedOnFileAndTheTokenIsUsedUp() {
        String memberId = vaultMember();
        String token = tokenizer.token(CardTestCards.MASTERCARD, "123");
        var stored = api.post("/credit/storeCard", storeWithToken("MP_TOKEN", token,
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}"), idempotencyKey(newKey()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertSchema("CreditStoreCardReponse", stored);
        assertThat(stored.at("/cardResult/cardNumber")).isEqualTo("************4444");

        var paid = api.post("/credit/on-file/charge", VaultFixtures.onfileCharge(newOrderId(), 900, memberId, "", ""));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertSchema("CreditChargeResponse", paid);
        assertThat(paid.at("/creditResult/cardType")).isEqualTo("CREDIT_CARD");
        assertThat(paid.at("/creditResult/cardResult/cardNumber")).isEqualTo("************4444");
        assertThat(paid.at("/creditResult/cardResult/brand")).isEqualTo("MASTERCARD");

        var again = api.post("/credit/storeCard", storeWithToken("MP_TOKEN", token,
                "{\"memberId\":\"" + memberId + "\"}"));
        vaultProblem(again, "/credit/storeCard", "invalid_parameter",
                "The token has already been used.(creditStoringInformation.tokenizedCard.token)");
        var unknown = api.post("/credit/storeCard", storeWithToken("MP_TOKEN", "0".repeat(64),
                "{\"memberId\":\"" + memberId + "\"}"));
        vaultProblem(unknown, "/credit/storeCard", "invalid_parameter",
                "The value provided for parameter is invalid.(creditStoringInformation.tokenizedCard.token)");
        var apple = api.post("/credit/storeCard", storeWithToken("APPLE_PAY_TOKEN",
                wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.VISA + "\"}}"),
                "{\"memberId\":\"" + memberId + "\"}"));
        vaultProblem(apple, "/credit/storeCard", "invalid_parameter",
                "The value provided for parameter is invalid.(creditStoringInformation.tokenizedCard.type)");
        assertThat(api.post("/member/inquiry", "{\"memberId\":\"" + memberId + "\"}").json().get("onfileCards"))
                .as("the refused requests stored nothing").hasSize(1);
    }

    @Test
    void verifyCardTakesATokenOnceAndStoresTheVerifiedCard() {
        String memberId = vaultMember();
        String token = tokenizer.token(CardTestCards.VISA, "123");
        String body = VaultFixtures.verify(newOrderId(), tokenized("MP_TOKEN", token),
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}");
        var verified = api.post("/credit/verifyCard", body);
        assertThat(verified.status()).as(verified.body()).isEqualTo(201);
        assertSchema("CreditVerifyCardResponse", verified);
        assertThat(verified.at("/creditResult/cardResult/cardNumber")).isEqualTo("************1111");
        assertThat(verified.at("/onfileCardResult/memberId")).isEqualTo(memberId);
        assertThat(inquiry(verified.at("/orderReference/accessId")).at("/orderReference/status")).isEqualTo("CHECK");

        var reused = api.post("/credit/verifyCard", VaultFixtures.verify(newOrderId(), tokenized("MP_TOKEN", token), null));
        vaultProblem(reused, "/credit/verifyCard", "invalid_parameter",
                "The token has already been used.(creditVerificationInformation.tokenizedCard.token)");

        String stale = tokenizer.token(CardTestCards.VISA, "123");
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":1900}");
        var expired = api.post("/credit/verifyCard", VaultFixtures.verify(newOrderId(), tokenized("MP_TOKEN", stale), null));
        vaultProblem(expired, "/credit/verifyCard", "invalid_parameter",
                "The token has expired.(creditVerificationInformation.tokenizedCard.token)");

        var google = api.post("/credit/verifyCard", VaultFixtures.verify(newOrderId(), tokenized("GOOGLE_PAY_TOKEN",
                wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.JCB + "\"}}")), null));
        assertThat(google.status()).as(google.body()).isEqualTo(201);
        assertThat(google.at("/creditResult/cardType")).isEqualTo("GOOGLE_PAY");
        var paid = api.post("/credit/on-file/charge", VaultFixtures.onfileCharge(newOrderId(), 400, memberId, "", ""));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.at("/creditResult/cardResult/cardNumber")).isEqualTo("************1111");
    }

    @Test
    void getCardDetailsReadsATokenWithoutUsingItUp() {
        String token = tokenizer.token(CardTestCards.JCB, "123");
        String body = "{\"cardInformation\":{" + tokenized("MP_TOKEN", token) + "}}";
        var details = api.post("/credit/getCardDetails", body);
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertSchema("CreditGetCardDetailsResponse", details);
        assertThat(details.at("/cardDetailResult/cardNumber")).isEqualTo("************" + CardTestCards.JCB.substring(12));
        assertThat(details.at("/cardDetailResult/brand")).isEqualTo("JCB");
        assertThat(details.at("/cardDetailResult/issuerLocation")).isEqualTo("JP");
        assertThat(details.at("/cardDetailResult/cardholderName")).isEqualTo("TARO MIHON");
        assertThat(details.body()).doesNotContain(CardTestCards.JCB);

        var paid = api.post("/credit/charge", tokenChargeBody(newOrderId(), 700, "MP_TOKEN", token, ""));
        assertThat(paid.status()).as("the token is still good for a payment: " + paid.body()).isEqualTo(201);
        var afterUse = api.post("/credit/getCardDetails", body);
        vaultProblem(afterUse, "/credit/getCardDetails", "invalid_parameter",
                "The token has already been used.(cardInformation.tokenizedCard.token)");
        var google = api.post("/credit/getCardDetails", "{\"cardInformation\":{" + tokenized("GOOGLE_PAY_TOKEN",
                wallet("{\"kessaiTestCard\":{\"cardNumber\":\"" + CardTestCards.VISA + "\"}}")) + "}}");
        vaultProblem(google, "/credit/getCardDetails", "invalid_parameter",
                "The value provided for parameter is invalid.(cardInformation.tokenizedCard.type)");

        var shop = newShop("tshopcd", "{\"cardDetailsContracted\":false}");
        String uncontracted = shop.tokenizer().token(CardTestCards.VISA, "123");
        var merchant = shop.merchant();
        var refused = merchant.post("/credit/getCardDetails", "{\"cardInformation\":{" + tokenized("MP_TOKEN", uncontracted) + "}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.at("/title")).isEqualTo("invalid_contract");
        assertThat(merchant.post("/credit/charge", tokenChargeBody(newOrderId(), 300, "MP_TOKEN", uncontracted, "")).status())
                .as("a refused request leaves the token as it was").isEqualTo(201);
    }

    @Test
    void aShopWithoutThePciDssFlagStoresATokenAndChargesItOnFile() {
        var shop = newShop("tshopnv", "{\"pciDssCompliant\":false}");
        var client = shop.tokenizer();
        var merchant = shop.merchant();
        String memberId = vaultMember();
        var stored = merchant.post("/credit/storeCard", storeWithToken("MP_TOKEN", client.token(CardTestCards.JCB, "1234"),
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        var paid = merchant.post("/credit/on-file/charge", VaultFixtures.onfileCharge(newOrderId(), 500, memberId, "", ""));
        assertThat(paid.status()).as("a stored card needs no PCI DSS flag: " + paid.body()).isEqualTo(201);
        var direct = merchant.post("/credit/storeCard", VaultFixtures.storeCard(CardTestCards.VISA, "{\"memberId\":\"" + memberId + "\"}"));
        assertThat(direct.status()).as(direct.body()).isEqualTo(400);
        assertThat(direct.at("/title")).isEqualTo("invalid_contract");
    }

    /** A sandbox-made shop: its tokenizer (with the keys its creation answered) and its openapi client. */
    private record SandboxShop(MpTokenClient tokenizer, OpenApiClient merchant) {}

    /** A new sandbox shop (ShopID {@code prefix} + 6 digits, ShopPass pass1234) with {@code settings}. */
    private SandboxShop newShop(String prefix, String settings) {
        String shopId = prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var created = sandbox("POST", "/sandbox/shops", "{\"shopId\":\"" + shopId + "\",\"shopPass\":\"pass1234\","
                + "\"settings\":" + settings + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var tokenizer = new MpTokenClient(baseUrl(), created.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1"),
                created.body().replaceAll(".*\"publicKey\":\"([^\"]+)\".*", "$1"));
        return new SandboxShop(tokenizer, new OpenApiClient(baseUrl()).as(OpenApiClient.basic(shopId, "pass1234")));
    }

    /** A problem answer: its media type, title and the Problem schema (details are checked by the tests). */
    private static void problem(OpenApiClient.Answer answer, String title) {
        assertThat(answer.contentType()).as(answer.body()).isEqualTo("application/problem+json");
        assertThat(answer.at("/title")).as(answer.body()).isEqualTo(title);
        assertThat(answer.at("/instance")).isEqualTo("/credit/charge");
        assertThat(ResponseSchemaCheck.violations("Problem", answer.body())).isEmpty();
    }

    private static String luhnValid(String prefix15) {
        for (int d = 0; d <= 9; d++) {
            if (jp.kessai.core.token.CardDataRules.luhn(prefix15 + d)) {
                return prefix15 + d;
            }
        }
        throw new AssertionError();
    }

    private static String wallet(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertCode(String cardJson, String createCount, String code, String field) {
        var answer = tokenizer.create(cardJson, createCount);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.at("/result")).isEqualTo("validation_error");
        assertThat(answer.at("/errorList/0/legacyCode")).as(cardJson).isEqualTo(code);
        assertThat(answer.at("/errorList/0/field")).isEqualTo(field);
    }

    private static void assertRaw(OpenApiClient.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.at("/errorList/0/legacyCode")).isEqualTo(code);
    }
}
