package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Access tokens, the password-auth switch and IP allowlists (reference §1.3, seed 003 APIの認証, IPアドレス制限). */
class OpenApiAuthIT extends OpenApiIntegrationTest {

    @Autowired
    ShopDirectory shops;

    @Test
    void tokensAreIssuedToBasicOnlySeveralAreValidAndTheyExpire() {
        var first = api.token("grant_type=client_credentials&scope=openapi");
        var second = api.token("scope=openapi&grant_type=client_credentials");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.at("/access_token")).isNotEqualTo(second.at("/access_token")).hasSizeLessThanOrEqualTo(68);
        for (var token : List.of(first.at("/access_token"), second.at("/access_token"))) {
            var bearer = new OpenApiClient(baseUrl()).as("Bearer " + token);
            assertThat(bearer.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status()).isEqualTo(201);
            assertThat(bearer.token("grant_type=client_credentials&scope=openapi").status())
                    .as("/token takes Basic only").isEqualTo(401);
        }
        String stored = jdbc.sql("SELECT encode(token_hash, 'base64') FROM openapi_access_token LIMIT 1").query(String.class).single();
        assertThat(stored).isNotEqualTo(first.at("/access_token"));

        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":3601}");
        var expired = new OpenApiClient(baseUrl()).as("Bearer " + first.at("/access_token"))
                .post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"));
        assertThat(expired.status()).isEqualTo(401);
        assertProblem(expired, "unauthorized_request");
        var renewed = api.token("grant_type=client_credentials&scope=openapi");
        assertThat(new OpenApiClient(baseUrl()).as("Bearer " + renewed.at("/access_token"))
                .post("/order/inquiry", "{\"orderId\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void tokenRequestsAreValidated() {
        var grant = api.token("grant_type=password&scope=openapi");
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.at("/detail")).isEqualTo("The parameter value is invalid.(grant_type)");
        assertThat(grant.at("/instance")).isEqualTo("/token");
        assertThat(api.token("grant_type=client_credentials").at("/detail"))
                .isEqualTo("Missing required request parameters.(scope)");
        assertThat(api.token("grant_type=client_credentials&scope=other").at("/detail"))
                .isEqualTo("The parameter value is invalid.(scope)");
        assertThat(api.send("POST", "/token", "application/json", "{}").status()).isEqualTo(415);
        assertThat(new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, "wrong"))
                .token("grant_type=client_credentials&scope=openapi").status()).isEqualTo(401);
    }

    @Test
    void aShopMayTurnPasswordAuthOffForBusinessEndpoints() {
        shops.upsert("tshop000000e1", new Password("passe1"), null, ShopMode.TEST);
        var settings = shops.findByShopId("tshop000000e1").orElseThrow().settings().withEverythingContracted();
        shops.updateSettings("tshop000000e1", settings.withOpenApiAccess(false, Map.of(), Map.of()));
        var basic = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshop000000e1", "passe1"));
        assertThat(basic.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status()).isEqualTo(401);
        var token = basic.token("grant_type=client_credentials&scope=openapi");
        assertThat(token.status()).isEqualTo(201);
        var bearer = new OpenApiClient(baseUrl()).as("Bearer " + token.at("/access_token"));
        assertThat(bearer.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status()).isEqualTo(201);
    }

    @Test
    void anAddressOutsideTheEndpointsAllowlistIsUnauthorized() {
        shops.upsert("tshop000000e2", new Password("passe2"), null, ShopMode.TEST);
        var settings = shops.findByShopId("tshop000000e2").orElseThrow().settings().withEverythingContracted();
        shops.updateSettings("tshop000000e2", settings.withOpenApiAccess(true, Map.of(
                "/credit/charge", List.of("10.0.0.0/8"),
                "/order/inquiry", List.of("127.0.0.0/8", "::1/128"),
                "/token", List.of("192.0.2.1")), Map.of()));
        var client = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshop000000e2", "passe2"));
        var charge = client.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"));
        assertThat(charge.status()).isEqualTo(401);
        assertProblem(charge, "unauthorized_request");
        assertThat(client.post("/order/inquiry", "{\"orderId\":\"x\"}").status()).as("allowed address").isEqualTo(400);
        assertThat(client.token("grant_type=client_credentials&scope=openapi").status()).isEqualTo(401);
        assertThat(api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status())
                .as("other shops are not affected").isEqualTo(201);
    }
}
