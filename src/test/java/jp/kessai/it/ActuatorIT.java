package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operators' endpoints: health and Prometheus metrics (with Kessai's own idpass counter). */
class ActuatorIT extends IntegrationTest {

    @Test
    void healthIsUpAndMetricsCountIdPassRequestsByResult() {
        var health = sandbox("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", newOrderId(), "Amount", "0"));
        var metrics = sandbox("GET", "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("kessai_idpass_requests_total{operation=\"EntryTranJcbPreca\",result=\"M01005011\"}");
        assertThat(metrics.body()).doesNotContain(SHOP_PASS);
        assertThat(metrics.body()).contains("kessai_notifications_pending", "kessai_notifications_dead");
    }
}
