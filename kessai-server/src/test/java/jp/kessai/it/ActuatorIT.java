package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.util.regex.Pattern;
import jp.kessai.docs.RunnableDocs;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Operators' endpoints: health, version and Prometheus metrics (with Kessai's own idpass counter); the bound address. */
class ActuatorIT extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    /** Issue 12: the version in /actuator/info is the Maven project version, as in the banner. */
    @Test
    void infoShowsTheProjectVersion() throws Exception {
        // the version is the parent's (the repository's root pom), which every module inherits
        String pom = Files.readString(RunnableDocs.projectRoot().resolve("pom.xml"));
        var matcher = Pattern.compile("<artifactId>kessai-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(matcher.find()).isTrue();
        var info = sandbox("GET", "/actuator/info", null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"version\":\"" + matcher.group(1) + "\"", "\"artifact\":\"kessai\"");
    }

    /** Issue 12: the sandbox API has no authentication, so sandbox mode listens on loopback unless told otherwise. */
    @Test
    void sandboxModeListensOnLoopbackOnly() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors()[0];
        assertThat(connector.getProperty("address")).isEqualTo(InetAddress.getLoopbackAddress());
    }

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
