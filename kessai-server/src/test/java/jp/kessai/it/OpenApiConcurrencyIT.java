package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Concurrency limits per shop and endpoint (seed 003 同時接続数の制限): N + k in flight → exactly k × 429. */
class OpenApiConcurrencyIT extends OpenApiIntegrationTest {

    @Autowired
    ShopDirectory shops;

    @Test
    void theSixthToEighthChargeInFlightAreRefused() throws Exception {
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":2000}");
        var answers = OpenApiIdempotencyIT.parallel(8, () -> api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(5);
        var refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(refused).hasSize(3);
        assertProblem(refused.getFirst(), "too_many_requests");
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"NONE\"}");
        assertThat(api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status()).as("slots are freed").isEqualTo(201);
    }

    @Test
    void orderEndpointsAllowTenAndOtherEndpointsAreCountedApart() throws Exception {
        List<String> accessIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accessIds.add(charged(100, "AUTH").get("accessId"));
        }
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":2000}");
        var next = new AtomicInteger();
        var answers = OpenApiIdempotencyIT.parallel(12,
                () -> api.post("/order/capture", "{\"accessId\":\"" + accessIds.get(next.getAndIncrement()) + "\"}"));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
        assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(2);
    }

    @Test
    void aShopMayHaveItsOwnLimit() throws Exception {
        shops.upsert("tshop000000d1", new Password("passd1"), null, ShopMode.TEST);
        var settings = shops.findByShopId("tshop000000d1").orElseThrow().settings().withEverythingContracted();
        shops.updateSettings("tshop000000d1", settings.withOpenApiAccess(true, Map.of(), Map.of("/credit/charge", 2)));
        var client = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshop000000d1", "passd1"));
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":2000}");
        var answers = OpenApiIdempotencyIT.parallel(4, () -> client.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(2);
        assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(2);
    }
}
