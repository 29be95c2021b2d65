package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merchant's whole journey over HTTP: token → charge (AUTH / CAPTURE) → capture / update / cancel → inquiry. */
class OpenApiCreditIT extends OpenApiIntegrationTest {

    @Test
    void tokenThenAuthThenCaptureThenInquiry() {
        var token = new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, SHOP_PASS))
                .token("grant_type=client_credentials&scope=openapi");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        var bearer = new OpenApiClient(baseUrl()).as("Bearer " + token.at("/access_token"));

        String orderId = newOrderId();
        var charge = bearer.post("/credit/charge", chargeBody(orderId, 1000, "AUTH"));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertThat(charge.contentType()).startsWith("application/json");
        assertThat(charge.at("/nextAction")).isEqualTo("CAPTURE");
        assertThat(charge.at("/orderReference/status")).isEqualTo("AUTH");
        String accessId = charge.at("/orderReference/accessId");

        var capture = bearer.post("/order/capture", "{\"accessId\":\"" + accessId + "\"}");
        assertThat(capture.status()).as(capture.body()).isEqualTo(201);
        assertThat(capture.at("/orderReference/status")).isEqualTo("SALES");

        var inquiry = bearer.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(200);
        assertThat(inquiry.at("/orderReference/status")).isEqualTo("SALES");
        assertThat(inquiry.at("/creditResult/cardResult/cardNumber")).isEqualTo("************1111");
        System.out.println(charge.body());
        System.out.println(inquiry.body());
    }
}
