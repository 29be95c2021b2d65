package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;

/**
 * The merchant's journey over HTTP: token → charge (AUTH / CAPTURE) → capture / update / cancel → inquiry, every
 * body against its golden file and its response schema.
 */
class OpenApiCreditIT extends OpenApiIntegrationTest {

    @Test
    void tokenThenAuthThenCaptureThenInquiry() {
        var token = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, SHOP_PASS))
                .token("grant_type=client_credentials&scope=openapi");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/token-success-201.json", token.body(),
                Map.of("accessToken", token.at("/access_token")));
        assertSchema("TokenResponse", token);
        var bearer = new OpenApiClient(baseUrl()).as("Bearer " + token.at("/access_token"));

        String orderId = newOrderId();
        var charge = bearer.post("/credit/charge", chargeBody(orderId, 1000, "AUTH"));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertThat(charge.contentType()).isEqualTo("application/json");
        String accessId = charge.at("/orderReference/accessId");
        var authorizedAt = OffsetDateTime.parse(charge.at("/creditResult/transactionDateTime"));
        String deadline = LocalDate.from(authorizedAt).plusDays(60) + "T23:59:59+09:00";
        var known = Map.of("accessId", accessId, "orderId", orderId, "captureExpiryDateTime", deadline);
        JsonGolden.assertMatches("openapi/it/credit-charge-auth-201.json", charge.body(), known);
        assertSchema("CreditChargeResponse", charge);

        var capture = bearer.post("/order/capture", "{\"accessId\":\"" + accessId + "\"}");
        assertThat(capture.status()).as(capture.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/order-capture-success-201.json", capture.body(), known);
        assertSchema("OrderCaptureResponseCredit", capture);

        var inquiry = bearer.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(200);
        JsonGolden.assertMatches("openapi/it/order-inquiry-sales-200.json", inquiry.body(), known);
        assertSchema("OrderInquiryResponseCredit", inquiry);
        var both = api.post("/order/inquiry", "{\"accessId\":\"" + accessId + "\",\"orderId\":\"" + orderId + "\"}");
        assertThat(both.body()).isEqualTo(inquiry.body());
    }

    @Test
    void immediateCaptureNeedsNoFurtherAction() {
        String orderId = newOrderId();
        var charge = api.post("/credit/charge", chargeBody(orderId, 2500, CardTestCards.AMEX, "CAPTURE", ""));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/credit-charge-capture-201.json", charge.body(),
                Map.of("accessId", charge.at("/orderReference/accessId"), "orderId", orderId));
        assertSchema("CreditChargeResponse", charge);
        var capture = api.post("/order/capture", "{\"accessId\":\"" + charge.at("/orderReference/accessId") + "\"}");
        assertThat(capture.status()).isEqualTo(400);
        assertProblem(capture, "invalid_status");
    }

    /** Issue 9 finding 8: 4111111111111112 was approved; the gateway refuses it before any card company is asked. */
    @Test
    void cardNumberFailingTheLuhnCheckIsRefusedAndNothingIsWritten() {
        String orderId = newOrderId();
        var refused = api.post("/credit/charge", chargeBody(orderId, 1000, "4111111111111112", "AUTH", ""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        JsonGolden.assertMatches("openapi/it/problem-card-number-check-digit.json", refused.body(), Map.of());
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(orderId).query(Long.class).single())
                .as("no order for a number the gateway refused").isZero();
        var retried = api.post("/credit/charge", chargeBody(orderId, 1000, CardTestCards.VISA, "AUTH", ""));
        assertThat(retried.status()).as("the OrderID stays usable: " + retried.body()).isEqualTo(201);
    }

    @Test
    void everyBrandIsApproved() {
        for (var card : Map.of(CardTestCards.VISA, "VISA", CardTestCards.MASTERCARD, "MASTERCARD",
                CardTestCards.JCB, "JCB", CardTestCards.AMEX, "AMEX", CardTestCards.DINERS, "DINERS").entrySet()) {
            var charge = api.post("/credit/charge", chargeBody(newOrderId(), 300, card.getKey(), "AUTH", ""));
            assertThat(charge.status()).as(charge.body()).isEqualTo(201);
            assertThat(charge.at("/creditResult/cardResult/brand")).isEqualTo(card.getValue());
            assertThat(charge.at("/creditResult/cardResult/cardNumber"))
                    .isEqualTo("*".repeat(card.getKey().length() - 4) + card.getKey().substring(card.getKey().length() - 4));
        }
    }

    @Test
    void updateChangesTheAmountAndKeepsTheOldStateWhenReauthorisationFails() {
        var order = charged(1000, "AUTH");
        String accessId = order.get("accessId");
        var known = Map.of("accessId", accessId, "orderId", order.get("orderId"));
        var decrease = api.post("/order/update", "{\"accessId\":\"" + accessId + "\",\"amount\":\"800\",\"authorizationMode\":\"AUTH\"}");
        assertThat(decrease.status()).as(decrease.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/order-update-decrease-auth-201.json", decrease.body(), known);
        assertSchema("OrderUpdateResponseCredit", decrease);

        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"CARD_DECLINED\"}");
        var refused = api.post("/order/update", "{\"accessId\":\"" + accessId + "\",\"amount\":\"5000\",\"authorizationMode\":\"CAPTURE\"}");
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.at("/title")).isEqualTo("card_declined");
        assertThat(refused.at("/instance")).isEqualTo("/order/update");
        var after = inquiry(accessId);
        assertThat(after.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(after.at("/orderReference/amount")).isEqualTo("800");
        assertThat(after.at("/errorInformation/title")).isEqualTo("card_declined");

        var increase = api.post("/order/update", "{\"accessId\":\"" + accessId + "\",\"amount\":\"5000\",\"authorizationMode\":\"CAPTURE\"}");
        assertThat(increase.status()).as(increase.body()).isEqualTo(201);
        assertThat(increase.at("/orderReference/status")).isEqualTo("CAPTURE");
        assertThat(increase.at("/orderReference/amount")).isEqualTo("5000");
        assertThat(inquiry(accessId).json().has("errorInformation")).as("the last operation succeeded").isFalse();
    }

    @Test
    void sameAmountOnAnAuthorisationRenewsIt() {
        var order = charged(1000, "AUTH");
        String accessId = order.get("accessId");
        jdbc.sql("UPDATE credit_order SET capture_expires_at = now() + interval '1 day' WHERE order_pk = "
                + "(SELECT id FROM payment_order WHERE access_id = ?)").param(accessId).update();
        var renewed = api.post("/order/update", "{\"accessId\":\"" + accessId + "\",\"amount\":\"1000\",\"authorizationMode\":\"AUTH\"}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        var deadline = OffsetDateTime.parse(renewed.at("/creditResult/captureExpiryDateTime"));
        assertThat(deadline.toLocalDate()).isEqualTo(OffsetDateTime.parse(renewed.at("/creditResult/transactionDateTime"))
                .toLocalDate().plusDays(60));
    }

    @Test
    void cancelLeavesAmountZeroAndNothingMoreCanHappen() {
        var order = charged(1000, "CAPTURE");
        String accessId = order.get("accessId");
        var cancel = api.post("/order/cancel", "{\"accessId\":\"" + accessId + "\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
        JsonGolden.assertMatches("openapi/it/order-cancel-success-201.json", cancel.body(),
                Map.of("accessId", accessId, "orderId", order.get("orderId")));
        assertSchema("OrderCancelResponseCredit", cancel);
        for (var path : new String[] {"/order/cancel", "/order/capture"}) {
            var again = api.post(path, "{\"accessId\":\"" + accessId + "\"}");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.at("/title")).isEqualTo("invalid_status");
        }
        var update = api.post("/order/update", "{\"accessId\":\"" + accessId + "\",\"amount\":\"1\",\"authorizationMode\":\"AUTH\"}");
        assertThat(update.at("/title")).isEqualTo("invalid_status");
        var authorization = sandbox("GET", "/sandbox/card/authorizations/" + processorRef(accessId), null);
        assertThat(authorization.body()).contains("\"voided\":true");
    }

    @Test
    void captureAfterTheDeadlineIsExpired() {
        var order = charged(1000, "AUTH");
        jdbc.sql("UPDATE credit_order SET capture_expires_at = now() - interval '1 second' WHERE order_pk = "
                + "(SELECT id FROM payment_order WHERE access_id = ?)").param(order.get("accessId")).update();
        var capture = api.post("/order/capture", "{\"accessId\":\"" + order.get("accessId") + "\"}");
        assertThat(capture.status()).isEqualTo(400);
        assertProblem(capture, "transaction_expired");
        assertThat(inquiry(order.get("accessId")).at("/orderReference/status")).isEqualTo("AUTH");
    }

    @Test
    void aDeclinedChargeIsVisibleInTheInquiryAndMayBeChargedAgain() {
        String orderId = newOrderId();
        var declined = api.post("/credit/charge", chargeBody(orderId, 1000, CardTestCards.DECLINED, "AUTH", ""));
        assertThat(declined.status()).isEqualTo(402);
        assertProblem(declined, "card_declined");
        var inquiry = api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(200);
        JsonGolden.assertMatches("openapi/it/order-inquiry-declined-charge-200.json", inquiry.body(),
                Map.of("accessId", inquiry.at("/orderReference/accessId"), "orderId", orderId));
        assertSchema("OrderInquiryResponseCredit", inquiry);

        var again = api.post("/credit/charge", chargeBody(orderId, 1000, "AUTH"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.at("/orderReference/accessId")).isEqualTo(inquiry.at("/orderReference/accessId"));
        var reused = api.post("/credit/charge", chargeBody(orderId, 1000, "AUTH"));
        assertThat(reused.status()).isEqualTo(400);
        assertProblem(reused, "invalid_request");
    }

    @Test
    void installmentsBonusAndRevolvingAreChargedWhenContracted() {
        String first = null;
        for (String options : new String[] {"\"paymentMethod\":\"INSTALLMENT\",\"installments\":\"3\"",
                "\"paymentMethod\":\"BONUS_ONE_TIME\"", "\"paymentMethod\":\"REVOLVING\"", "\"itemCode\":\"0000120\""}) {
            var charge = api.post("/credit/charge", chargeBody(newOrderId(), 1000, CardTestCards.JCB, "AUTH", options));
            assertThat(charge.status()).as(options + " " + charge.body()).isEqualTo(201);
            first = first == null ? charge.at("/orderReference/accessId") : first;
        }
        var notContracted = api.post("/credit/charge", chargeBody(newOrderId(), 1000, CardTestCards.JCB, "AUTH",
                "\"paymentMethod\":\"INSTALLMENT\",\"installments\":\"7\""));
        assertThat(notContracted.status()).isEqualTo(400);
        assertProblem(notContracted, "invalid_contract");
        String stored = jdbc.sql("SELECT c.item_code || ' ' || c.payment_method || ' ' || c.installments FROM credit_order c "
                + "JOIN payment_order o ON o.id = c.order_pk WHERE o.access_id = ?").param(first).query(String.class).single();
        assertThat(stored).isEqualTo("0000990 INSTALLMENT 3");
    }

    @Test
    void theApiVersionIsRecordedOnTheTransaction() {
        for (var version : Map.of("2024-01", "2023-06", "2023-13", "2023-06", "2020-01", "2023-06").entrySet()) {
            var charge = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"),
                    Map.of("X-MP-Version", version.getKey()));
            assertThat(charge.status()).isEqualTo(201);
            String recorded = jdbc.sql("SELECT c.api_version FROM credit_order c JOIN payment_order o ON o.id = c.order_pk "
                    + "WHERE o.access_id = ?").param(charge.at("/orderReference/accessId")).query(String.class).single();
            assertThat(recorded).isEqualTo(version.getValue());
        }
    }

    protected String processorRef(String accessId) {
        return jdbc.sql("SELECT processor_ref FROM payment_order WHERE access_id = ?").param(accessId)
                .query(String.class).single();
    }
}
