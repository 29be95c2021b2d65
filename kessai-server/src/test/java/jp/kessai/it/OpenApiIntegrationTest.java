package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.BeforeEach;

/** Shared helpers for the openapi face's integration tests: a Basic client for the demo shop and a charge builder. */
public abstract class OpenApiIntegrationTest extends IntegrationTest {

    protected OpenApiClient api;

    @BeforeEach
    void openApiClient() {
        api = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, SHOP_PASS));
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"NONE\"}");
    }

    /** A charge request body: card data, no 3-D Secure, {@code options} merged into creditChargeOptions. */
    protected static String chargeBody(String orderId, long amount, String cardNumber, String mode, String options) {
        return """
                {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
                  "nameShort":"サンプル","contactName":"サポート窓口","contactEmail":"support@example.com",
                  "contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},
                 "order":{"orderId":"%s","amount":"%d","currency":"JPY","transactionType":"CIT",
                  "clientFields":{"clientField1":"cf1","clientField2":"自由項目","clientField3":null}},
                 "payer":{"name":"見本 太郎","email":"taro.mihon@example.com"},
                 "creditInformation":{"card":{"cardNumber":"%s","expiryMonth":"06","expiryYear":"2033",
                   "securityCode":"123","cardholderName":"TARO MIHON"},
                  "creditChargeOptions":{"authorizationMode":"%s","useTds2":false%s}}}"""
                .formatted(orderId, amount, cardNumber, mode, options.isEmpty() ? "" : "," + options);
    }

    protected static String chargeBody(String orderId, long amount, String mode) {
        return chargeBody(orderId, amount, CardTestCards.VISA, mode, "");
    }

    /** Charges a new order and returns its orderId and accessId. */
    protected Map<String, String> charged(long amount, String mode) {
        String orderId = newOrderId();
        var answer = api.post("/credit/charge", chargeBody(orderId, amount, mode));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return Map.of("orderId", orderId, "accessId", answer.at("/orderReference/accessId"));
    }

    protected static Map<String, String> idempotencyKey(String key) {
        return Map.of("Idempotency-Key", key);
    }

    protected static String newKey() {
        return UUID.randomUUID().toString();
    }

    protected OpenApiClient.Answer inquiry(String accessId) {
        return api.post("/order/inquiry", "{\"accessId\":\"" + accessId + "\"}");
    }

    /** Asserts a problem answer against its golden file (problem-<title>.json) and the Problem schema. */
    protected static void assertProblem(OpenApiClient.Answer answer, String title) {
        assertThat(answer.contentType()).as(answer.body()).isEqualTo("application/problem+json");
        JsonGolden.assertMatches("openapi/it/problem-" + title.replace('_', '-') + ".json", answer.body(), Map.of());
        assertThat(ResponseSchemaCheck.violations("Problem", answer.body())).isEmpty();
    }

    /** Asserts a success body against the named response schema of the OAS facts. */
    protected static void assertSchema(String schema, OpenApiClient.Answer answer) {
        assertThat(ResponseSchemaCheck.violations(schema, answer.body())).as(answer.body()).isEmpty();
    }

    protected int reconcileCredit() {
        var response = sandbox("POST", "/sandbox/card/reconcile", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.body().replaceAll("\\D", ""));
    }
}
