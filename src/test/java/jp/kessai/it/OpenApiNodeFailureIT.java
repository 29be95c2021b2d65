package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What another node leaves behind when it dies mid-request: its Idempotency-Key claim and its concurrency slot are
 * rows in the shared database, and both are taken over once their lease has ended — never before.
 */
class OpenApiNodeFailureIT extends OpenApiIntegrationTest {

    @Test
    void anInFlightKeyOfADeadNodeIsTakenOverAfterItsLease() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 3100, "AUTH");
        long shop = jdbc.sql("SELECT id FROM shop WHERE shop_id = ?").param(SHOP_ID).query(Long.class).single();
        byte[] otherHash = new byte[32];
        jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                VALUES (?, ?, '/credit/charge', ?, 'IN_FLIGHT', now(), now() + interval '1 hour')""")
                .params(shop, key, otherHash).update();
        // the claim of a live node (lease ahead): a request with the same key is a duplicate or a mismatch, never run
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).isEqualTo(400);
        jdbc.sql("DELETE FROM openapi_idempotency WHERE idem_key = ?").param(key).update();

        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).isEqualTo(201);
        jdbc.sql("UPDATE openapi_idempotency SET state = 'IN_FLIGHT', lease_until = now() + interval '1 hour' WHERE idem_key = ?")
                .param(key).update();
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).as("still leased").isEqualTo(409);
        jdbc.sql("UPDATE openapi_idempotency SET lease_until = now() - interval '1 second' WHERE idem_key = ?")
                .param(key).update();
        var takenOver = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(takenOver.status()).as("processed again; the order ID is already authorised").isEqualTo(400);
        assertThat(takenOver.at("/title")).isEqualTo("invalid_request");
    }

    @Test
    void slotsHeldByADeadNodeAreFreedWhenTheirLeaseEnds() {
        assertThat(inquiry("0".repeat(32)).status()).isEqualTo(400); // provisions the /order/inquiry slots
        long shop = jdbc.sql("SELECT id FROM shop WHERE shop_id = ?").param(SHOP_ID).query(Long.class).single();
        jdbc.sql("UPDATE openapi_concurrency_slot SET holder = ?, lease_until = now() + interval '1 hour' "
                + "WHERE shop_pk = ? AND endpoint = '/order/inquiry'").params(UUID.randomUUID(), shop).update();
        var refused = inquiry("0".repeat(32));
        assertThat(refused.status()).isEqualTo(429);
        jdbc.sql("UPDATE openapi_concurrency_slot SET lease_until = now() - interval '1 second' "
                + "WHERE shop_pk = ? AND endpoint = '/order/inquiry'").param(shop).update();
        assertThat(inquiry("0".repeat(32)).status()).isEqualTo(400);
        jdbc.sql("UPDATE openapi_concurrency_slot SET holder = NULL, lease_until = NULL WHERE shop_pk = ? "
                + "AND endpoint = '/order/inquiry'").param(shop).update();
    }
}
