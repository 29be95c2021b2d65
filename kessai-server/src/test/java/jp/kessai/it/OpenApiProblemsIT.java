package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each error title of the catalogue Kessai can produce, over HTTP, against its golden problem file. */
class OpenApiProblemsIT extends OpenApiIntegrationTest {

    @Autowired
    ShopDirectory shops;

    @Test
    void accessErrorsComeBeforeAnythingElse() {
        var unknown = api.post("/wallet/charge", "{}"); // an endpoint not built yet
        assertThat(unknown.status()).isEqualTo(404);
        assertProblem(unknown, "resource_not_found");

        var get = api.send("GET", "/credit/charge", null, null);
        assertThat(get.status()).isEqualTo(405);
        assertProblem(get, "method_not_allowed");

        for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS"}) {
            var other = api.send(method, "/order/inquiry", "application/json", "{}");
            assertThat(other.status()).as(method).isEqualTo(405);
            assertThat(other.at("/title")).isEqualTo("method_not_allowed");
        }

        var text = api.send("POST", "/credit/charge", "text/plain", "{}");
        assertThat(text.status()).isEqualTo(415);
        assertProblem(text, "unsupported_media_type");
        assertThat(api.send("POST", "/credit/charge", null, "{}").status()).isEqualTo(415);

        var anonymous = new OpenApiClient(baseUrl()).post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertProblem(anonymous, "unauthorized_request");
        var wrongPassword = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, "wrong"))
                .post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"));
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void malformedBodiesAreRefusedWithoutAStackTrace() {
        for (String body : new String[] {"{", "[1,2]", "\"text\"", "{\"merchant\":", "null"}) {
            var answer = api.post("/credit/charge", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.at("/title")).isEqualTo("invalid_parameter");
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at jp.");
        }
        var huge = api.post("/credit/charge", "{\"x\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(400);
    }

    @Test
    void parameterErrorsNameTheField() {
        var missing = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH").replace("\"name\":\"サンプルストア\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertProblem(missing, "missing_parameter");

        var zero = api.post("/credit/charge", chargeBody(newOrderId(), 0, "AUTH"));
        assertProblem(zero, "invalid_parameter");
        var tooLarge = api.post("/credit/charge", chargeBody(newOrderId(), 10_000_000, "AUTH"));
        assertProblem(tooLarge, "invalid_parameter");
    }

    @Test
    void notYetSupportedInputSaysSo() {
        // 3-D Secure is built: useTds2 (true by default) now asks for the callback URL a redirect needs
        var tdsDefault = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH").replace(",\"useTds2\":false", ""));
        assertThat(tdsDefault.at("/detail")).isEqualTo("Missing required request parameters.(merchant.callbackUrl)");
        var token = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")
                .replace("\"card\":{", "\"tokenizedCard\":{\"type\":\"MP_TOKEN\",\"token\":\"abc\"},\"unused\":{"));
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.at("/detail")).as("an unknown MP token (the demo shop is PCI DSS flagged: the token wins)")
                .isEqualTo("The value provided for parameter is invalid.(creditInformation.tokenizedCard.token)");
        var fraud = api.post("/credit/charge", chargeBody(newOrderId(), 100, CardTestCards.VISA, "AUTH", "\"useFraudDetection\":true"));
        assertThat(fraud.at("/detail")).contains("useFraudDetection");
    }

    @Test
    void declinedCardsGetThe402Titles() {
        assertProblem(charge(CardTestCards.DECLINED, 402), "card_declined");
        assertProblem(charge(CardTestCards.INSUFFICIENT_BALANCE, 402), "insufficient_balance");
        assertProblem(charge(CardTestCards.AMOUNT_LIMIT_EXCEEDED, 402), "amount_limit_exceeded");
        assertProblem(charge(CardTestCards.PROCESSING_FAILURE, 402), "processing_failure");
        assertProblem(charge(CardTestCards.BAD_GATEWAY, 502), "bad_gateway");
        assertProblem(charge(CardTestCards.MAINTENANCE, 502), "maintenance");
        var expired = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH").replace("\"2033\"", "\"2020\""));
        assertThat(expired.status()).isEqualTo(402);
        assertThat(expired.at("/detail")).isEqualTo("This card cannot be used for transactions.(G83)");
    }

    @Test
    void aShopWithoutPciDssMayNotSendCardData() {
        shops.upsert("tshop000000b1", new Password("passb1"), null, ShopMode.TEST);
        var charge = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshop000000b1", "passb1"))
                .post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"));
        assertThat(charge.status()).isEqualTo(400);
        assertProblem(charge, "invalid_contract");
    }

    @Test
    void unknownTransactionsAreInvalidParameters() {
        var capture = api.post("/order/capture", "{\"accessId\":\"" + "0".repeat(32) + "\"}");
        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.at("/detail")).isEqualTo("The value provided for parameter is invalid.(accessId)");
        var badFormat = api.post("/order/capture", "{\"accessId\":\"short\"}");
        assertThat(badFormat.at("/detail")).isEqualTo("The parameter value is invalid.(accessId)");
        var byOrderId = api.post("/order/inquiry", "{\"orderId\":\"no-such-order\"}");
        assertThat(byOrderId.at("/detail")).isEqualTo("The value provided for parameter is invalid.(orderId)");
        var neither = api.post("/order/inquiry", "{}");
        assertThat(neither.at("/title")).isEqualTo("missing_parameter");
        var order = charged(100, "AUTH");
        var mismatch = api.post("/order/inquiry", "{\"accessId\":\"" + order.get("accessId") + "\",\"orderId\":\"other\"}");
        assertThat(mismatch.at("/detail")).isEqualTo("The value provided for parameter is invalid.(orderId)");
    }

    private OpenApiClient.Answer charge(String card, int status) {
        var answer = api.post("/credit/charge", chargeBody(newOrderId(), 100, card, "AUTH", ""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }
}
