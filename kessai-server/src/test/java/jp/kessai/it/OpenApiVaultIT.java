package jp.kessai.it;

import static jp.kessai.it.VaultFixtures.card;
import static jp.kessai.it.VaultFixtures.cardDetails;
import static jp.kessai.it.VaultFixtures.onfileCharge;
import static jp.kessai.it.VaultFixtures.storeCard;
import static jp.kessai.it.VaultFixtures.storeReferenced;
import static jp.kessai.it.VaultFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;

/**
 * The card vault over real HTTP: members, stored cards and their rules (seed 003, OAS 1.6.2, docs/compatibility.md),
 * verification, storing (card data and by reference), on-file payments and card details; every 2xx body against its
 * OAS response schema, every refusal a problem of the catalogue.
 */
class OpenApiVaultIT extends OpenApiIntegrationTest {

    private static final AtomicLong MEMBER_SEQ = new AtomicLong();

    private static String newMemberId() {
        return "m-" + System.nanoTime() % 1_000_000_000L + "." + MEMBER_SEQ.incrementAndGet() + "@it";
    }

    private static String options(String memberId, String more) {
        return "{\"memberId\":\"" + memberId + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private OpenApiClient.Answer createMember(String memberId) {
        var answer = api.post("/member/create", "{\"memberId\":\"" + memberId + "\",\"memberName\":\"見本 太郎\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    private OpenApiClient.Answer store(String memberId, String number, String more) {
        var answer = api.post("/credit/storeCard", storeCard(number, options(memberId, more)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertSchema("CreditStoreCardReponse", answer);
        return answer;
    }

    private OpenApiClient.Answer inquire(String memberId) {
        var answer = api.post("/member/inquiry", "{\"memberId\":\"" + memberId + "\"}");
        if (answer.status() == 200) {
            assertSchema("MemberInquiryResponse", answer);
        }
        return answer;
    }

    private static void assertRefused(OpenApiClient.Answer answer, int status, String title, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.at("/title")).isEqualTo(title);
        assertThat(answer.at("/detail")).contains(detail);
        assertThat(ResponseSchemaCheck.violations("Problem", answer.body())).isEmpty();
    }

    @Test
    void memberLifecycleAndADeletedMemberIdIsNeverReused() {
        String memberId = newMemberId();
        var created = createMember(memberId);
        assertSchema("MemberCreateResponse", created);
        JsonGolden.assertMatches("openapi/it/member-create-201.json", created.body(), Map.of("memberId", memberId));
        assertRefused(api.post("/member/create", "{\"memberId\":\"" + memberId + "\"}"), 400, "invalid_request",
                "(memberId)");

        var empty = inquire(memberId);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("onfileCards")).isEmpty();
        assertThat(empty.json().get("onfileWallets")).isEmpty();
        assertThat(api.post("/member/inquiry", "{\"memberId\":\"" + memberId + "\",\"onfileType\":\"CARD\"}").json()
                .has("onfileWallets")).isFalse();

        store(memberId, CardTestCards.VISA, "\"setDefault\":true");
        var deleted = api.post("/member/delete", "{\"memberId\":\"" + memberId + "\"}");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        assertSchema("MemberDeleteResponse", deleted);
        assertThat(deleted.at("/deletedCards/0/isDefault")).isEqualTo("true");
        assertThat(deleted.at("/deletedCards/0/index")).isEqualTo("0");

        assertRefused(inquire(memberId), 400, "invalid_parameter", "(memberId)");
        assertRefused(api.post("/member/delete", "{\"memberId\":\"" + memberId + "\"}"), 400, "invalid_parameter", "(memberId)");
        assertRefused(api.post("/member/create", "{\"memberId\":\"" + memberId + "\"}"), 400, "invalid_request", "(memberId)");
        assertRefused(api.post("/credit/storeCard", storeCard(CardTestCards.VISA, options(memberId, "\"createNewMember\":true"))),
                400, "invalid_request", "(memberId)");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, memberId, "", "")), 400,
                "invalid_parameter", "(memberId)");
    }

    @Test
    void memberIdFollowsThePatternAndLengthOfTheOas() {
        assertThat(api.post("/member/create", "{\"memberId\":\"" + "a".repeat(60) + "\"}").status()).isEqualTo(201);
        assertRefused(api.post("/member/create", "{\"memberId\":\"" + "b".repeat(61) + "\"}"), 400, "invalid_parameter", "(memberId)");
        assertRefused(api.post("/member/create", "{\"memberId\":\"a b\"}"), 400, "invalid_parameter", "(memberId)");
        assertRefused(api.post("/member/create", "{\"memberId\":\"会員\"}"), 400, "invalid_parameter", "(memberId)");
        assertRefused(api.post("/member/create", "{}"), 400, "missing_parameter", "(memberId)");
        assertRefused(api.post("/member/create", "{\"memberId\":\"" + newMemberId() + "\",\"memberName\":\"" + "名".repeat(129) + "\"}"),
                400, "invalid_parameter", "(memberName)");
    }

    @Test
    void inquiryListsCardsByAscendingCardIdWithIndexAndOneDefault() {
        String memberId = newMemberId();
        var first = store(memberId, CardTestCards.VISA, "\"createNewMember\":true,\"memberName\":\"見本 太郎\"");
        JsonGolden.assertMatches("openapi/it/credit-store-card-201.json", first.body(), Map.of("memberId", memberId));
        store(memberId, CardTestCards.MASTERCARD, "\"setDefault\":true,\"memberName\":\"ignored\"");
        store(memberId, CardTestCards.JCB, "\"setDefault\":true");

        var inquiry = inquire(memberId);
        assertThat(inquiry.status()).isEqualTo(200);
        JsonGolden.assertMatches("openapi/it/member-inquiry-200.json", inquiry.body(), Map.of("memberId", memberId));
    }

    @Test
    void atMostFiveCardsAndCardIdsAreNeverReused() {
        String memberId = newMemberId();
        createMember(memberId);
        for (int i = 0; i < 5; i++) {
            store(memberId, CardTestCards.VISA, "");
        }
        assertRefused(api.post("/credit/storeCard", storeCard(CardTestCards.VISA, options(memberId, ""))), 400,
                "invalid_request", "maximum number of cards");
        var removed = api.post("/member/deleteItem", "{\"memberId\":\"" + memberId
                + "\",\"onfileType\":\"CARD\",\"onfileCardType\":\"CREDIT_CARD\",\"cardId\":\"1\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(201);
        assertSchema("MemberDeleteItemResponseCard", removed);
        assertThat(removed.at("/deletedCard/index")).isEqualTo("1");
        var sixth = store(memberId, CardTestCards.AMEX, "");
        assertThat(sixth.at("/onfileCardResult/cardId")).isEqualTo("5");
        var cards = inquire(memberId).json().get("onfileCards");
        assertThat(cards).hasSize(5);
        assertThat(cards.get(1).get("cardId").asString()).isEqualTo("2");
        assertThat(cards.get(1).get("index").asString()).isEqualTo("1");
        assertThat(cards.get(4).get("cardId").asString()).isEqualTo("5");
        // a deleted card cannot pay, by cardId
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, memberId, "\"cardId\":\"1\"", "")),
                400, "invalid_parameter", "(cardId)");
        assertRefused(api.post("/member/deleteItem", "{\"memberId\":\"" + memberId
                + "\",\"onfileType\":\"CARD\",\"onfileCardType\":\"CREDIT_CARD\",\"cardId\":\"1\"}"), 400,
                "invalid_parameter", "(cardId)");
    }

    @Test
    void overwriteByCardIdKeepsTheCardIdAndNeedsAStoredCard() {
        String memberId = newMemberId();
        store(memberId, CardTestCards.VISA, "\"createNewMember\":true,\"setDefault\":true");
        var overwritten = store(memberId, CardTestCards.AMEX, "\"cardId\":\"0\"");
        assertThat(overwritten.at("/onfileCardResult/cardId")).isEqualTo("0");
        assertThat(overwritten.at("/onfileCardResult/isDefault")).isEqualTo("true");
        var cards = inquire(memberId).json().get("onfileCards");
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("cardNumber").asString()).isEqualTo("***********0005");
        assertThat(cards.get(0).get("brand").asString()).isEqualTo("AMEX");
        assertRefused(api.post("/credit/storeCard", storeCard(CardTestCards.VISA, options(memberId, "\"cardId\":\"7\""))),
                400, "invalid_parameter", "(cardId)");
        assertRefused(api.post("/credit/storeCard", storeCard(CardTestCards.VISA, options(newMemberId(), ""))), 400,
                "invalid_parameter", "(memberId)");
    }

    @Test
    void duplicateCardCheckSeesOtherMembersOnly() {
        String holder = newMemberId();
        String other = newMemberId();
        String number = "4242424242424242";
        store(holder, number, "\"createNewMember\":true");
        String check = "\"createNewMember\":true,\"duplicationCheckOptions\":{\"enableDuplicationCheck\":true%s}";
        assertRefused(api.post("/credit/storeCard", storeCard(number, options(other, check.formatted("")))), 400,
                "invalid_request", "another member");
        // the same member may store the number again; an excluded member is not counted
        store(holder, number, check.formatted(""));
        store(other, number, check.formatted(",\"excludedMemberIds\":[\"" + holder + "\"]"));
        // deleted cards count only when asked
        String third = newMemberId();
        String fourth = newMemberId();
        String another = "4012888888881881";
        store(third, another, "\"createNewMember\":true");
        api.post("/member/delete", "{\"memberId\":\"" + third + "\"}");
        store(fourth, another, check.formatted(""));
        assertRefused(api.post("/credit/storeCard", storeCard(another, options(newMemberId(),
                check.formatted(",\"includeDeletedCards\":true")))), 400, "invalid_request", "another member");
        assertRefused(api.post("/credit/storeCard", storeCard(another, options(newMemberId(),
                check.formatted(",\"excludedMemberIds\":[\"a b\"]")))), 400, "invalid_parameter", "excludedMemberIds");
    }

    @Test
    void verifyCardLeavesACheckTransactionAndStoresTheVerifiedCard() {
        String memberId = newMemberId();
        String orderId = newOrderId();
        var verified = api.post("/credit/verifyCard", verify(orderId, "\"card\":" + card(CardTestCards.VISA, "TARO MIHON"),
                options(memberId, "\"createNewMember\":true,\"setDefault\":true")));
        assertThat(verified.status()).as(verified.body()).isEqualTo(201);
        assertSchema("CreditVerifyCardResponse", verified);
        JsonGolden.assertMatches("openapi/it/credit-verify-card-store-201.json", verified.body(),
                Map.of("accessId", verified.at("/orderReference/accessId"), "orderId", orderId, "memberId", memberId));
        var inquiry = inquiry(verified.at("/orderReference/accessId"));
        assertThat(inquiry.at("/orderReference/status")).isEqualTo("CHECK");
        assertThat(inquiry.json().get("orderReference").has("amount")).isFalse();
        assertRefused(api.post("/order/capture", "{\"accessId\":\"" + verified.at("/orderReference/accessId") + "\"}"),
                400, "invalid_status", "");

        // without onfileCardOptions nothing is stored
        var plain = api.post("/credit/verifyCard", verify(newOrderId(), "\"card\":" + card(CardTestCards.MASTERCARD, null), null));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().has("onfileCardResult")).isFalse();
        // a declined card is not stored
        assertRefused(api.post("/credit/verifyCard", verify(newOrderId(), "\"card\":" + card(CardTestCards.DECLINED, null),
                options(memberId, ""))), 402, "card_declined", "");
        assertThat(inquire(memberId).json().get("onfileCards")).hasSize(1);
        // issue 9 finding 8 on this path too: a number failing the Luhn check is neither verified nor stored
        assertRefused(api.post("/credit/verifyCard", verify(newOrderId(), "\"card\":" + card("4111111111111112", null),
                options(memberId, ""))), 402, "card_declined", "cardNumber");
        assertThat(inquire(memberId).json().get("onfileCards")).hasSize(1);

        // verify the stored card with a new holder name: the stored name follows
        var again = api.post("/credit/verifyCard", verify(newOrderId(),
                "\"onfileCard\":{\"memberId\":\"" + memberId + "\",\"type\":\"CREDIT_CARD\",\"cardholderName\":\"HANAKO MIHON\"}", null));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.at("/creditResult/cardResult/cardholderName")).isEqualTo("HANAKO MIHON");
        assertThat(inquire(memberId).at("/onfileCards/0/cardholderName")).isEqualTo("HANAKO MIHON");
    }

    /**
     * useTds2 defaults to true on /credit/verifyCard and /credit/on-file/charge and a redirect then follows, so the
     * merchant's callbackUrl is required (the 3-D Secure flows themselves are in ThreeDsFlowIT); nothing is written.
     */
    @Test
    void threeDSecureOnTheVaultEndpointsNeedsTheCallbackUrl() {
        String memberId = newMemberId();
        store(memberId, CardTestCards.VISA, "\"createNewMember\":true,\"setDefault\":true");
        String orderId = newOrderId();
        String body = verify(orderId, "\"card\":" + card(CardTestCards.VISA, null), null);
        assertRefused(api.post("/credit/verifyCard", body.replace("\"useTds2\":false", "\"useTds2\":true")), 400,
                "missing_parameter", "(merchant.callbackUrl)");
        assertRefused(api.post("/credit/verifyCard", body.replace(",\"creditVerificationOptions\":{\"useTds2\":false}", "")),
                400, "missing_parameter", "(merchant.callbackUrl)");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(orderId, 100, memberId, "", "\"useTds2\":true")),
                400, "missing_parameter", "(merchant.callbackUrl)");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(orderId, 100, memberId, "", "\"itemCode\":\"0000990\"")),
                400, "missing_parameter", "(merchant.callbackUrl)");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(orderId).query(Long.class)
                .single()).as("nothing written").isZero();
    }

    @Test
    void onfileChargeByCardIdIndexOrDefaultAndANewHolderNameIsStored() {
        String memberId = newMemberId();
        String noDefault = newMemberId();
        store(noDefault, CardTestCards.VISA, "\"createNewMember\":true");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, noDefault, "", "")), 400,
                "invalid_parameter", "(cardId)");

        store(memberId, CardTestCards.VISA, "\"createNewMember\":true");
        store(memberId, CardTestCards.MASTERCARD, "\"setDefault\":true");
        store(memberId, CardTestCards.JCB, "");

        String orderId = newOrderId();
        var byDefault = api.post("/credit/on-file/charge", onfileCharge(orderId, 1200, memberId, "", ""));
        assertThat(byDefault.status()).as(byDefault.body()).isEqualTo(201);
        assertSchema("CreditChargeResponse", byDefault);
        assertThat(byDefault.at("/creditResult/cardResult/cardNumber")).isEqualTo("************4444");
        assertThat(byDefault.at("/nextAction")).isEqualTo("CAPTURE");
        assertThat(byDefault.at("/orderReference/amount")).isEqualTo("1200");
        var capture = api.post("/order/capture", "{\"accessId\":\"" + byDefault.at("/orderReference/accessId") + "\"}");
        assertThat(capture.status()).as(capture.body()).isEqualTo(201);

        var byIndex = api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 300, memberId, "\"index\":\"2\"", ""));
        assertThat(byIndex.at("/creditResult/cardResult/brand")).isEqualTo("JCB");
        // cardId wins over index
        var byCardId = api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 300, memberId,
                "\"cardId\":\"0\",\"index\":\"2\",\"cardholderName\":\"NEW NAME\"", ""));
        assertThat(byCardId.status()).as(byCardId.body()).isEqualTo(201);
        assertThat(byCardId.at("/creditResult/cardResult/brand")).isEqualTo("VISA");
        assertThat(byCardId.at("/creditResult/cardResult/cardholderName")).isEqualTo("NEW NAME");
        assertThat(inquire(memberId).at("/onfileCards/0/cardholderName")).isEqualTo("NEW NAME");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 300, memberId, "\"index\":\"4\"", "")),
                400, "invalid_parameter", "(cardId)");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 300, memberId, "\"index\":\"5\"", "")),
                400, "invalid_parameter", "index");
        assertRefused(api.post("/credit/on-file/charge", onfileCharge(orderId, 100, memberId, "", "")), 400,
                "invalid_request", "(order.orderId)");
    }

    @Test
    void storeCardByReferenceToAnEarlierSuccessfulTransaction() {
        String memberId = newMemberId();
        var charge = api.post("/credit/charge", chargeBody(newOrderId(), 500, CardTestCards.DINERS, "AUTH", ""));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        var stored = api.post("/credit/storeCard", storeReferenced(charge.at("/orderReference/accessId"),
                options(memberId, "\"createNewMember\":true,\"setDefault\":true")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertSchema("CreditStoreCardReponse", stored);
        assertThat(stored.at("/cardResult/cardNumber")).isEqualTo("**********7913");
        assertThat(stored.at("/cardResult/cardholderName")).isEqualTo("TARO MIHON");
        var paid = api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 700, memberId, "", ""));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.at("/creditResult/cardResult/brand")).isEqualTo("DINERS");

        var declined = api.post("/credit/charge", chargeBody(newOrderId(), 500, CardTestCards.DECLINED, "AUTH", ""));
        assertThat(declined.status()).isEqualTo(402);
        String declinedAccessId = inquiryByOrderId(declined);
        assertRefused(api.post("/credit/storeCard", storeReferenced(declinedAccessId, options(memberId, ""))), 400,
                "invalid_request", "(accessId)");
        assertRefused(api.post("/credit/storeCard", storeReferenced("0".repeat(32), options(memberId, ""))), 400,
                "invalid_parameter", "(accessId)");
    }

    private String inquiryByOrderId(OpenApiClient.Answer ignored) {
        return jdbc.sql("SELECT access_id FROM payment_order WHERE status = 'UNPROCESSED' AND payment_method = 'CREDIT' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
    }

    @Test
    void cardDetailsAreMaskedAndNeedTheContract() {
        String memberId = newMemberId();
        store(memberId, CardTestCards.JCB, "\"createNewMember\":true,\"setDefault\":true");
        var details = api.post("/credit/getCardDetails", cardDetails(memberId, ""));
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertSchema("CreditGetCardDetailsResponse", details);
        JsonGolden.assertMatches("openapi/it/credit-get-card-details-200.json", details.body(), Map.of());
        assertRefused(api.post("/credit/getCardDetails", cardDetails(memberId, "\"index\":\"1\"")), 400,
                "invalid_parameter", "(cardId)");
        try {
            assertThat(sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{\"cardDetailsContracted\":false}")
                    .statusCode()).isEqualTo(200);
            assertRefused(api.post("/credit/getCardDetails", cardDetails(memberId, "")), 400, "invalid_contract", "");
        } finally {
            sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{\"cardDetailsContracted\":true}");
        }
    }

    @Test
    void idempotencyKeysReplayVaultChanges() {
        String memberId = newMemberId();
        String key = newKey();
        String body = "{\"memberId\":\"" + memberId + "\"}";
        var first = api.post("/member/create", body, idempotencyKey(key));
        var again = api.post("/member/create", body, idempotencyKey(key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());

        String storeKey = newKey();
        String store = storeCard(CardTestCards.VISA, options(memberId, ""));
        var stored = api.post("/credit/storeCard", store, idempotencyKey(storeKey));
        var replay = api.post("/credit/storeCard", store, idempotencyKey(storeKey));
        assertThat(replay.body()).isEqualTo(stored.body());
        assertThat(inquire(memberId).json().get("onfileCards")).hasSize(1);
        assertRefused(api.post("/credit/storeCard", storeCard(CardTestCards.AMEX, options(memberId, "")),
                idempotencyKey(storeKey)), 400, "invalid_header", "Idempotency-Key");

        // a refused first request leaves nothing: the retry is processed
        String refusedKey = newKey();
        String other = newMemberId();
        String late = storeCard(CardTestCards.VISA, options(other, ""));
        assertThat(api.post("/credit/storeCard", late, idempotencyKey(refusedKey)).status()).isEqualTo(400);
        createMember(other);
        assertThat(api.post("/credit/storeCard", late, idempotencyKey(refusedKey)).status()).isEqualTo(201);
    }

    @Test
    void deleteItemOfAWalletOrAnUnknownTypeIsAProblem() {
        String memberId = newMemberId();
        createMember(memberId);
        assertRefused(api.post("/member/deleteItem", "{\"memberId\":\"" + memberId
                + "\",\"onfileType\":\"WALLET\",\"onfileWalletType\":\"PAYPAY\"}"), 400, "invalid_parameter", "(onfileWalletType)");
        assertRefused(api.post("/member/deleteItem", "{\"memberId\":\"" + memberId + "\",\"cardId\":\"0\"}"), 400,
                "missing_parameter", "(onfileType)");
        assertRefused(api.post("/member/deleteItem", "{\"memberId\":\"" + memberId
                + "\",\"onfileType\":\"CARD\",\"onfileCardType\":\"CREDIT_CARD\"}"), 400, "missing_parameter", "(cardId)");
    }
}
