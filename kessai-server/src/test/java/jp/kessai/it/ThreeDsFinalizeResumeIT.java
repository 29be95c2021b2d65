package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;

/**
 * /tds2/finalizeCharge and /tds2/finalizeVerification retried with the same Idempotency-Key after their first request
 * was cut short (the reliability battery's long form: {@code 400 invalid_status} after a kill -9 and after a database
 * failover). Each test leaves the database as the failure leaves it, then retries as a merchant does.
 *
 * <p>What broke: the node died (or the claim's commit went through while its acknowledgement was lost with the
 * primary) after the authorisation's claim and before the acquirer saw the call. Past the grace period the
 * reconciler found no trace of it and settled it FAILED, which moved the order by the table's failure row to
 * UNPROCESSED — as if the card had been declined — so the merchant's retry was refused {@code invalid_status} and the
 * authentication was lost. Now a call the acquirer never saw leaves the order AUTHENTICATED, and the retry makes it.
 * And a finalisation the reconciler settled as approved answers the retry from the order, with the finish's work that
 * never ran done then (the flow finished, the verified card stored: before, the retry answered without
 * onfileCardResult and the card was never stored).
 */
class ThreeDsFinalizeResumeIT extends ThreeDsIntegrationTest {

    private static final String CALLBACK = "https://shop.example.com/callback?from=kessai";
    /** Past the reconciler's grace period (120 s in the integration tier). */
    private static final long PAST_GRACE_SECONDS = 300;

    @Test
    void finalizeChargeRetriedAfterTheNodeDiedBeforeTheAcquirerSawItAuthorisesOnce() {
        String accessId = authenticatedCharge();
        String key = newKey();
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"THROW\",\"count\":1}");
        assertThat(finalizeCharge(accessId, key).status()).isEqualTo(502);
        asAKillLeavesIt(accessId, key);

        var held = finalizeCharge(accessId, key);
        assertThat(held.status()).as("held until settled: %s", held.body()).isEqualTo(409);
        assertThat(held.at("/title")).isEqualTo("conflict");
        reconcileCredit();
        assertThat(lastAttempt(accessId)).as("within the grace period nothing is guessed").isEqualTo("AUTHORIZE PENDING");

        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + PAST_GRACE_SECONDS + "}");
        assertThat(reconcileCredit()).isPositive();
        assertThat(lastAttempt(accessId)).isEqualTo("AUTHORIZE FAILED");
        assertThat(inquiry(accessId).at("/orderReference/status"))
                .as("the acquirer never saw the call: the authentication still stands").isEqualTo("AUTHENTICATED");

        var finalized = finalizeCharge(accessId, key);
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeChargeResponse", finalized);
        assertThat(finalized.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(finalizeCharge(accessId, key).body()).as("replayed").isEqualTo(finalized.body());
        assertThat(approvedAuthorisations(accessId)).isEqualTo(1);
        assertThat(flowState(accessId)).isEqualTo("FINISHED");
        assertSecondFinalisationRefused("/tds2/finalizeCharge", accessId);
    }

    @Test
    void finalizeVerificationRetriedAfterTheClaimsCommitWasLostWithTheDatabaseVerifiesAndStoresTheCardOnce() {
        String memberId = newMemberId();
        String accessId = authenticatedVerification(memberId);
        String key = newKey();
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"THROW\",\"count\":1}");
        assertThat(finalizeVerification(accessId, key).status()).isEqualTo(502);
        // the claim committed, its acknowledgement was lost with the primary: the request answered 503 and released
        // its key; nothing reached the acquirer
        asAKillLeavesIt(accessId, key);

        assertThat(finalizeVerification(accessId, key).status()).isEqualTo(409);
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + PAST_GRACE_SECONDS + "}");
        assertThat(reconcileCredit()).isPositive();
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");

        var finalized = finalizeVerification(accessId, key);
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeVerificationResponse", finalized);
        assertThat(finalized.at("/orderReference/status")).isEqualTo("CHECK");
        assertThat(finalized.at("/onfileCardResult/memberId")).isEqualTo(memberId);
        assertThat(finalizeVerification(accessId, key).body()).as("replayed").isEqualTo(finalized.body());
        assertThat(approvedAuthorisations(accessId)).isEqualTo(1);
        assertThat(cardsOf(memberId)).isEqualTo(1);
        assertSecondFinalisationRefused("/tds2/finalizeVerification", accessId);
    }

    @Test
    void finalizeVerificationSettledApprovedByTheReconcilerStoresTheCardWhenRetried() {
        String memberId = newMemberId();
        String accessId = authenticatedVerification(memberId);
        String key = newKey();
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"LOSE_ANSWER\",\"count\":1}");
        var lost = finalizeVerification(accessId, key);
        assertThat(lost.status()).as(lost.body()).isEqualTo(502);
        assertThat(finalizeVerification(accessId, key).status()).as("held until settled").isEqualTo(409);

        assertThat(reconcileCredit()).as("the acquirer's books show the approval").isPositive();
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("CHECK");
        assertThat(cardsOf(memberId)).as("the finish that stores the card never ran").isZero();
        assertThat(flowState(accessId)).isEqualTo("AUTHENTICATED");

        var finalized = finalizeVerification(accessId, key);
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeVerificationResponse", finalized);
        assertThat(finalized.json().propertyNames()).containsExactly("nextAction", "orderReference", "creditResult",
                "onfileCardResult", "tds2Result");
        assertThat(finalized.at("/onfileCardResult/memberId")).isEqualTo(memberId);
        assertThat(finalizeVerification(accessId, key).body()).as("replayed").isEqualTo(finalized.body());
        assertThat(cardsOf(memberId)).isEqualTo(1);
        assertThat(flowState(accessId)).isEqualTo("FINISHED");
        assertThat(approvedAuthorisations(accessId)).isEqualTo(1);
        assertSecondFinalisationRefused("/tds2/finalizeVerification", accessId);
    }

    @Test
    void finalizeChargeRetriedAfterTheAcquirerWasUnreachableAuthorises() {
        String accessId = authenticatedCharge();
        String key = newKey();
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"BAD_GATEWAY\",\"count\":1}");
        var refused = finalizeCharge(accessId, key);
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(inquiry(accessId).at("/orderReference/status"))
                .as("the acquirer refused the connection: nothing happened").isEqualTo("AUTHENTICATED");

        var finalized = finalizeCharge(accessId, key);
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertThat(finalized.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(approvedAuthorisations(accessId)).isEqualTo(1);
    }

    @Test
    void finalizeChargeDeclinedWhileTheNodeDiedAnswersTheRetryWithTheDecline() {
        String accessId = authenticatedCharge(CardTestCards.DECLINED);
        String key = newKey();
        var declined = finalizeCharge(accessId, key);
        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        // the acquirer declined and the node died before its finish: the order still held, the flow open
        jdbc.sql("UPDATE payment_order SET status = 'AUTHENTICATED', pending_operation = 'AUTHORIZE' WHERE access_id = ?")
                .param(accessId).update();
        jdbc.sql("UPDATE tds_flow SET state = 'AUTHENTICATED' WHERE order_pk = (SELECT id FROM payment_order WHERE access_id = ?)")
                .param(accessId).update();
        jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                SELECT shop_pk, ?, '/tds2/finalizeCharge', NULL, 'IN_FLIGHT', now(), now() - interval '1 second'
                  FROM payment_order WHERE access_id = ?""").params(key, accessId).update();
        asAKillLeavesIt(accessId, key);

        assertThat(finalizeCharge(accessId, key).status()).as("held until settled").isEqualTo(409);
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + PAST_GRACE_SECONDS + "}");
        assertThat(reconcileCredit()).as("the acquirer's books show the decline").isPositive();
        assertThat(lastAttempt(accessId)).isEqualTo("AUTHORIZE FAILED");
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("UNPROCESSED");
        var retried = finalizeCharge(accessId, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(402);
        assertThat(retried.body()).isEqualTo(declined.body());
        assertThat(flowState(accessId)).isEqualTo("FINISHED");
    }

    // --- the failure as it leaves the database -----------------------------------------------------------------

    /**
     * The rows a kill -9 between the authorisation's claim and the acquirer leaves (and a claim whose commit went
     * through while the primary died): the journal PENDING, the order held, the key IN_FLIGHT past its lease (the
     * failed request released it, or its node is gone).
     */
    private void asAKillLeavesIt(String accessId, String key) {
        int journaled = jdbc.sql("""
                UPDATE order_operation SET state = 'PENDING', result_code = NULL, finished_at = NULL
                 WHERE id = (SELECT max(a.id) FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                              WHERE o.access_id = ?)""").param(accessId).update();
        assertThat(journaled).isEqualTo(1);
        jdbc.sql("""
                UPDATE payment_order SET pending_operation = (SELECT a.operation FROM order_operation a
                        WHERE a.order_pk = payment_order.id ORDER BY a.id DESC LIMIT 1)
                 WHERE access_id = ?""").param(accessId).update();
        int keyed = jdbc.sql("""
                UPDATE openapi_idempotency SET state = 'IN_FLIGHT', http_status = NULL, response_body = NULL,
                       access_id = NULL, lease_until = now() - interval '1 second'
                 WHERE idem_key = ?""").param(key).update();
        assertThat(keyed).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static final java.util.concurrent.atomic.AtomicLong MEMBER_SEQ = new java.util.concurrent.atomic.AtomicLong();

    private static String newMemberId() {
        return "r-" + System.nanoTime() % 1_000_000_000L + "." + MEMBER_SEQ.incrementAndGet() + "@3ds";
    }

    private String authenticatedCharge() {
        return authenticatedCharge(CardTestCards.VISA);
    }

    /** A /credit/charge with 3-D Secure (autoAuthorization false) whose customer came back authenticated. */
    private String authenticatedCharge(String card) {
        var started = api.post("/credit/charge", tdsChargeBody(newOrderId(), 1000, card, "AUTH", CALLBACK, "csrf-r",
                "\"autoAuthorization\":false"));
        String accessId = assertRedirect(started);
        walk(started.at("/redirectInformation/redirectUrl"));
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        return accessId;
    }

    /** A /credit/verifyCard with 3-D Secure storing the card for a new member, authenticated. */
    private String authenticatedVerification(String memberId) {
        String body = withTds2(VaultFixtures.verify(newOrderId(), "\"card\":" + VaultFixtures.card(CardTestCards.VISA,
                "TARO MIHON"), "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true}"), CALLBACK, "csrf-r",
                "\"autoAuthorization\":false");
        var started = api.post("/credit/verifyCard", body, idempotencyKey(newKey()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String accessId = started.at("/orderReference/accessId");
        walk(started.at("/redirectInformation/redirectUrl"));
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        return accessId;
    }

    private void walk(String redirectUrl) {
        assertThat(walkFrictionless(redirectUrl)).startsWith(CALLBACK);
    }

    private OpenApiClient.Answer finalizeCharge(String accessId, String key) {
        return api.post("/tds2/finalizeCharge", "{\"accessId\":\"" + accessId + "\"}", idempotencyKey(key));
    }

    private OpenApiClient.Answer finalizeVerification(String accessId, String key) {
        return api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}", idempotencyKey(key));
    }

    /** A finalisation of the same transaction by another request (another key) is still a second one: refused. */
    private void assertSecondFinalisationRefused(String path, String accessId) {
        var again = api.post(path, "{\"accessId\":\"" + accessId + "\"}", idempotencyKey(newKey()));
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.at("/title")).isEqualTo("invalid_status");
    }

    private String lastAttempt(String accessId) {
        return jdbc.sql("""
                SELECT a.operation || ' ' || a.state FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.access_id = ? ORDER BY a.id DESC LIMIT 1""").param(accessId).query(String.class).single();
    }

    /** Authorisations the acquirer approved for the order (its own books, by the journal's references). */
    private long approvedAuthorisations(String accessId) {
        return jdbc.sql("""
                SELECT count(*) FROM sim_card_operation s JOIN order_operation a ON a.processor_ref = s.op_ref
                  JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.access_id = ? AND s.kind = 'AUTHORIZE' AND s.result LIKE 'A|%'""")
                .param(accessId).query(Long.class).single();
    }

    private String flowState(String accessId) {
        return jdbc.sql("SELECT f.state FROM tds_flow f JOIN payment_order o ON o.id = f.order_pk WHERE o.access_id = ?")
                .param(accessId).query(String.class).single();
    }

    private long cardsOf(String memberId) {
        return jdbc.sql("""
                SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk
                 WHERE m.member_id = ? AND NOT c.deleted""").param(memberId).query(Long.class).single();
    }
}
