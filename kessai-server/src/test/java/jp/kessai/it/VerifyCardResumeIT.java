package jp.kessai.it;

import static jp.kessai.it.VaultFixtures.card;
import static jp.kessai.it.VaultFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.token.TokenKeys;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /credit/verifyCard retried with the same Idempotency-Key after the node running the first request died (the
 * reliability battery's kill -9: the retry took over the key and was told "The order ID has already been used." for its
 * own order). The dead node is simulated by what it leaves in the shared database: its key IN_FLIGHT with a lease that
 * has run out, and its order as far as the node got. The retry answers from the order: held, verified (with the card
 * stored, once), or failed — as the first request answered or would have.
 */
class VerifyCardResumeIT extends OpenApiIntegrationTest {

    private static final String PATH = "/credit/verifyCard";

    /** Kessai's clock (other tests move it forward); leases are compared with it, not with the database's now(). */
    @Autowired
    Clock clock;

    @Autowired
    TokenKeys tokenKeys;

    @Autowired
    ShopDirectory shops;

    @Test
    void aVerificationWhoseNodeDiedDuringTheCallIsAnsweredFromItsOrderAndStoresTheCardOnce() {
        String memberId = newMemberId();
        String orderId = newOrderId();
        String key = newKey();
        String body = verify(orderId, "\"card\":" + card(CardTestCards.VISA, "TARO MIHON"), newMember(memberId));
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"LOSE_ANSWER\"}"); // approved at the acquirer, answer lost
        assertThat(api.post(PATH, body, idempotencyKey(key)).status()).isEqualTo(502);
        String accessId = diedDuringTheCall(orderId, key);

        var held = api.post(PATH, body, idempotencyKey(key));
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.json()).as("as /credit/charge answers a held order")
                .isEqualTo(json("{\"title\":\"conflict\",\"detail\":\"Duplicate request.\",\"instance\":\"" + PATH + "\"}"));

        assertThat(reconcileCredit()).isGreaterThanOrEqualTo(1); // the verification settled; no card stored by it
        assertThat(cards(memberId)).isZero();
        var resumed = api.post(PATH, body, idempotencyKey(key));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(201);
        assertSchema("CreditVerifyCardResponse", resumed);
        JsonGolden.assertMatches("openapi/it/credit-verify-card-store-201.json", resumed.body(),
                Map.of("accessId", accessId, "orderId", orderId, "memberId", memberId));
        assertThat(api.post(PATH, body, idempotencyKey(key)).body()).as("replayed").isEqualTo(resumed.body());
        assertThat(cards(memberId)).as("stored once").isOne();
        assertThat(attempts(accessId)).as("verified once at the acquirer").isOne();
    }

    @Test
    void aVerificationThatStoredItsCardIsAnsweredByteForByteAsTheFirstRequestWas() {
        String memberId = newMemberId();
        String orderId = newOrderId();
        String key = newKey();
        String body = verify(orderId, "\"card\":" + card(CardTestCards.VISA, "TARO MIHON"), newMember(memberId));
        var first = api.post(PATH, body, idempotencyKey(key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().has("onfileCardResult")).isTrue();
        // the node died before its finish committed: the reconciler settles the verification, the store never happened
        jdbc.sql("DELETE FROM vault_card WHERE member_pk = (SELECT id FROM vault_member WHERE member_id = ?)")
                .param(memberId).update();
        jdbc.sql("DELETE FROM vault_member WHERE member_id = ?").param(memberId).update();
        deadNode(key);

        var resumed = api.post(PATH, body, idempotencyKey(key));
        assertThat(resumed.body()).isEqualTo(first.body());
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(cards(memberId)).isOne();
        assertThat(attempts(first.at("/orderReference/accessId"))).isOne();
    }

    @Test
    void aVerificationWithoutStoringIsAnsweredByteForByteAsTheFirstRequestWas() {
        String key = newKey();
        String body = verify(newOrderId(), "\"card\":" + card(CardTestCards.MASTERCARD, null), null);
        var first = api.post(PATH, body, idempotencyKey(key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        deadNode(key);

        var resumed = api.post(PATH, body, idempotencyKey(key));
        assertThat(resumed.body()).isEqualTo(first.body());
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.json().has("onfileCardResult")).isFalse();
        assertThat(attempts(first.at("/orderReference/accessId"))).isOne();
    }

    @Test
    void aDeclinedVerificationIsAnsweredAsTheFirstRequestWas() {
        String memberId = newMemberId();
        String orderId = newOrderId();
        String key = newKey();
        String body = verify(orderId, "\"card\":" + card(CardTestCards.DECLINED, null), newMember(memberId));
        var first = api.post(PATH, body, idempotencyKey(key));
        assertThat(first.status()).as(first.body()).isEqualTo(402);
        deadNodeAfterTheDecline(key);

        var resumed = api.post(PATH, body, idempotencyKey(key));
        assertThat(resumed.status()).isEqualTo(402);
        assertThat(resumed.body()).as("verified again, as a failed charge is").isEqualTo(first.body());
        assertThat(cards(memberId)).isZero();
    }

    @Test
    void anMpTokenVerificationIsAnsweredFromItsOrderWithoutTheSpentToken() {
        var keys = tokenKeys.ensure(shops.findByShopId(SHOP_ID).orElseThrow());
        var tokenizer = new MpTokenClient(baseUrl(), keys.apiKey(), keys.publicKey());

        String memberId = newMemberId();
        String orderId = newOrderId();
        String key = newKey();
        String body = verify(orderId, tokenized(tokenizer.token(CardTestCards.VISA, "123")), newMember(memberId));
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"LOSE_ANSWER\"}");
        assertThat(api.post(PATH, body, idempotencyKey(key)).status()).isEqualTo(502);
        String accessId = diedDuringTheCall(orderId, key);
        assertThat(reconcileCredit()).isGreaterThanOrEqualTo(1);
        var resumed = api.post(PATH, body, idempotencyKey(key));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/credit-verify-card-store-201.json", resumed.body(),
                Map.of("accessId", accessId, "orderId", orderId, "memberId", memberId));
        assertThat(cards(memberId)).isOne();

        // declined: the token is spent, so the order's refusal is the answer (the first request's), not "already used"
        String declinedKey = newKey();
        String declined = verify(newOrderId(), tokenized(tokenizer.token(CardTestCards.DECLINED, "123")), null);
        var first = api.post(PATH, declined, idempotencyKey(declinedKey));
        assertThat(first.status()).as(first.body()).isEqualTo(402);
        deadNodeAfterTheDecline(declinedKey);
        var again = api.post(PATH, declined, idempotencyKey(declinedKey));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.status()).isEqualTo(402);
    }

    /**
     * What a node that died during the acquirer call leaves: its key IN_FLIGHT (lease over) and the order held by a
     * PENDING call past the grace period. Made from an answer that was lost, whose finish is undone. Returns the AccessID.
     */
    private String diedDuringTheCall(String orderId, String key) {
        String accessId = jdbc.sql("SELECT access_id FROM payment_order WHERE order_id = ?").param(orderId)
                .query(String.class).single();
        jdbc.sql("UPDATE order_operation SET state = 'PENDING', result_code = NULL, finished_at = NULL, "
                + "started_at = started_at - interval '1 day' WHERE order_pk = (SELECT id FROM payment_order WHERE access_id = ?)")
                .param(accessId).update();
        jdbc.sql("UPDATE credit_order SET last_error_result = NULL, last_error_code = NULL "
                + "WHERE order_pk = (SELECT id FROM payment_order WHERE access_id = ?)").param(accessId).update();
        deadNode(key);
        return accessId;
    }

    /** The key of a node that died once the order was done (or settled by the reconciler): IN_FLIGHT, lease over. */
    private void deadNode(String key) {
        assertThat(jdbc.sql("""
                UPDATE openapi_idempotency SET state = 'IN_FLIGHT', http_status = NULL, response_body = NULL,
                       access_id = NULL, lease_until = ? WHERE idem_key = ?""")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), key).update()).isOne();
    }

    /**
     * A decline deletes its key (a failed request is processed again); a node that died after the acquirer declined
     * leaves it IN_FLIGHT, and the reconciler records the decline on the order as the finish did. (A record without a
     * request hash matches its endpoint's repeats, as one written before hashes were keyed.)
     */
    private void deadNodeAfterTheDecline(String key) {
        long shop = jdbc.sql("SELECT id FROM shop WHERE shop_id = ?").param(SHOP_ID).query(Long.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                VALUES (?, ?, ?, NULL, 'IN_FLIGHT', ?, ?)""")
                .params(shop, key, PATH, now, Timestamp.from(clock.instant().plus(Duration.ofSeconds(-1)))).update();
    }

    private int cards(String memberId) {
        return jdbc.sql("SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk WHERE m.member_id = ?")
                .param(memberId).query(Integer.class).single();
    }

    /** How many acquirer calls the order's journal holds. */
    private int attempts(String accessId) {
        return jdbc.sql("SELECT count(*) FROM order_operation a JOIN payment_order o ON o.id = a.order_pk WHERE o.access_id = ?")
                .param(accessId).query(Integer.class).single();
    }

    private static String newMemberId() {
        return "vr-" + System.nanoTime() % 1_000_000_000L + "@it";
    }

    private static String newMember(String memberId) {
        return "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}";
    }

    private static String tokenized(String token) {
        return "\"tokenizedCard\":{\"type\":\"MP_TOKEN\",\"token\":\"" + token + "\"}";
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }
}
