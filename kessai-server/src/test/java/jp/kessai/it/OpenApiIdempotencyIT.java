package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotency-Key (seed 003 冪等処理): replay, failure then retry, concurrent duplicates, shops apart, reuse. */
class OpenApiIdempotencyIT extends OpenApiIntegrationTest {

    @Autowired
    ShopDirectory shops;

    @Test
    void aRepeatedKeyReplaysTheFirstResponseWithoutProcessingAgain() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 1200, "AUTH");
        var first = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var second = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(attempts(first.at("/orderReference/accessId"))).isEqualTo(1);

        String captureBody = "{\"accessId\":\"" + first.at("/orderReference/accessId") + "\"}";
        String captureKey = newKey();
        var capture = api.post("/order/capture", captureBody, idempotencyKey(captureKey));
        var again = api.post("/order/capture", captureBody, idempotencyKey(captureKey));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(capture.body());
        assertThat(attempts(first.at("/orderReference/accessId"))).isEqualTo(2);
    }

    @Test
    void aFailedFirstAttemptIsProcessedAgain() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 1300, "AUTH");
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"CARD_DECLINED\"}");
        var first = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(first.status()).isEqualTo(402);
        var retry = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        var replay = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(replay.body()).isEqualTo(retry.body());
    }

    @Test
    void concurrentRequestsWithTheSameKeyAreProcessedExactlyOnce() throws Exception {
        String key = newKey();
        String body = chargeBody(newOrderId(), 1400, "AUTH");
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":1500}");
        List<OpenApiClient.Answer> answers = parallel(5, () -> api.post("/credit/charge", body, idempotencyKey(key)));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        var conflicts = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(conflicts).hasSize(4);
        assertProblem(conflicts.getFirst(), "conflict");
        String accessId = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().at("/orderReference/accessId");
        assertThat(attempts(accessId)).isEqualTo(1);
    }

    @Test
    void keysBelongToOneShop() {
        shops.upsert("tshop000000c1", new Password("passc1"), null, ShopMode.TEST);
        shops.updateSettings("tshop000000c1", shops.findByShopId("tshop000000c1").orElseThrow().settings().withEverythingContracted());
        var other = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshop000000c1", "passc1"));
        String key = newKey();
        var mine = api.post("/credit/charge", chargeBody(newOrderId(), 1500, "AUTH"), idempotencyKey(key));
        var theirs = other.post("/credit/charge", chargeBody(newOrderId(), 1600, "AUTH"), idempotencyKey(key));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.at("/orderReference/amount")).isEqualTo("1600");
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        String key = newKey();
        assertThat(api.post("/credit/charge", chargeBody(newOrderId(), 1700, "AUTH"), idempotencyKey(key)).status()).isEqualTo(201);
        var other = api.post("/credit/charge", chargeBody(newOrderId(), 1700, "AUTH"), idempotencyKey(key));
        assertThat(other.status()).isEqualTo(400);
        assertProblem(other, "invalid_header");
        var tooLong = api.post("/credit/charge", chargeBody(newOrderId(), 1700, "AUTH"), idempotencyKey("k".repeat(37)));
        assertThat(tooLong.at("/detail")).isEqualTo("The parameter value is invalid.(Idempotency-Key)");
    }

    @Test
    void anExpiredKeyIsANewRequest() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 1800, "AUTH");
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).isEqualTo(201);
        jdbc.sql("UPDATE openapi_idempotency SET created_at = now() - interval '25 hours' WHERE idem_key = ?").param(key).update();
        var fresh = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(fresh.status()).as("processed again: the order ID is taken now").isEqualTo(400);
        assertThat(fresh.at("/title")).isEqualTo("invalid_request");
    }

    @Test
    void aRetryAfterAnUnknownOutcomeNeverAuthorisesTwice() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 1900, CardTestCards.TIMEOUT, "AUTH", "");
        var lost = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(lost.status()).isEqualTo(502);
        assertProblem(lost, "bad_gateway");
        var held = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(held.status()).as("the outcome is still unknown").isEqualTo(409);

        assertThat(reconcileCredit()).isGreaterThanOrEqualTo(1);
        var settled = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        assertThat(settled.at("/orderReference/status")).isEqualTo("AUTH");
        String accessId = settled.at("/orderReference/accessId");
        assertThat(attempts(accessId)).isEqualTo(1);
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).body()).isEqualTo(settled.body());
        var inquiry = inquiry(accessId);
        assertThat(inquiry.json().has("errorInformation")).isFalse();
    }

    @Test
    void aLostCaptureAnswerIsResumedFromTheJournal() {
        var order = charged(2100, "AUTH");
        String key = newKey();
        String body = "{\"accessId\":\"" + order.get("accessId") + "\"}";
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"LOSE_ANSWER\"}");
        assertThat(api.post("/order/capture", body, idempotencyKey(key)).status()).isEqualTo(502);
        assertThat(api.post("/order/capture", body, idempotencyKey(key)).status()).isEqualTo(409);
        reconcileCredit();
        var settled = api.post("/order/capture", body, idempotencyKey(key));
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        assertThat(settled.at("/orderReference/status")).isEqualTo("SALES");
        assertThat(attempts(order.get("accessId"))).as("one authorisation, one capture").isEqualTo(2);
    }

    @Test
    void withoutAKeyAnUnknownOutcomeIsSettledByTheReconciler() {
        String orderId = newOrderId();
        var lost = api.post("/credit/charge", chargeBody(orderId, 2000, CardTestCards.TIMEOUT, "CAPTURE", ""));
        assertThat(lost.status()).isEqualTo(502);
        var pending = api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(pending.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(pending.at("/errorInformation/title")).isEqualTo("bad_gateway");
        reconcileCredit();
        assertThat(api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}").at("/orderReference/status")).isEqualTo("CAPTURE");
    }

    /** How many acquirer calls the order's journal holds. */
    private int attempts(String accessId) {
        return jdbc.sql("SELECT count(*) FROM order_operation a JOIN payment_order o ON o.id = a.order_pk WHERE o.access_id = ?")
                .param(accessId).query(Integer.class).single();
    }

    static List<OpenApiClient.Answer> parallel(int count, Callable<OpenApiClient.Answer> call) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<OpenApiClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(executor.submit(call));
            }
            List<OpenApiClient.Answer> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
