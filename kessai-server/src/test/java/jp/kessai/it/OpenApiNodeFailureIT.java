package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What another node leaves behind when it dies mid-request: its Idempotency-Key claim is a row in the shared database,
 * taken over once its lease has ended — never before. (Its concurrency permits lived in its memory and died with it:
 * CrashRestartIT.chargesInFlightWhenTheNodeDiesDoNotHoldTheLimitAfterRestart.)
 */
class OpenApiNodeFailureIT extends OpenApiIntegrationTest {

    /** Kessai's clock (other tests move it forward); leases are compared with it, not with the database's now(). */
    @Autowired
    Clock clock;

    private Timestamp in(Duration duration) {
        return Timestamp.from(clock.instant().plus(duration));
    }

    @Test
    void anInFlightKeyOfADeadNodeIsTakenOverAfterItsLeaseAndAnsweredFromTheOrder() {
        String key = newKey();
        String body = chargeBody(newOrderId(), 3100, "AUTH");
        long shop = jdbc.sql("SELECT id FROM shop WHERE shop_id = ?").param(SHOP_ID).query(Long.class).single();
        byte[] otherHash = new byte[32];
        jdbc.sql("""
                INSERT INTO openapi_idempotency (shop_pk, idem_key, endpoint, request_hash, state, created_at, lease_until)
                VALUES (?, ?, '/credit/charge', ?, 'IN_FLIGHT', ?, ?)""")
                .params(shop, key, otherHash, in(Duration.ZERO), in(Duration.ofHours(1))).update();
        // the claim of a live node (lease ahead): a request with the same key is a duplicate or a mismatch, never run
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).isEqualTo(400);
        jdbc.sql("DELETE FROM openapi_idempotency WHERE idem_key = ?").param(key).update();

        var first = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(first.status()).isEqualTo(201);
        jdbc.sql("UPDATE openapi_idempotency SET state = 'IN_FLIGHT', lease_until = ? WHERE idem_key = ?")
                .params(in(Duration.ofHours(1)), key).update();
        assertThat(api.post("/credit/charge", body, idempotencyKey(key)).status()).as("still leased").isEqualTo(409);
        jdbc.sql("UPDATE openapi_idempotency SET lease_until = ? WHERE idem_key = ?")
                .params(in(Duration.ofSeconds(-1)), key).update();
        var takenOver = api.post("/credit/charge", body, idempotencyKey(key));
        assertThat(takenOver.status()).as("answered from the order the dead node authorised").isEqualTo(201);
        assertThat(takenOver.at("/orderReference/accessId")).isEqualTo(first.at("/orderReference/accessId"));
        assertThat(jdbc.sql("SELECT count(*) FROM order_operation a JOIN payment_order o ON o.id = a.order_pk "
                + "WHERE o.access_id = ?").param(first.at("/orderReference/accessId")).query(Integer.class).single())
                .as("authorised once").isEqualTo(1);
    }
}
