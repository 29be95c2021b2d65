package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without sandbox mode the control API does not exist and no demo shop is created. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kessai.data-dir=target/it-data/nosandbox-${random.uuid}",
        "kessai.sandbox.enabled=false"})
class SandboxDisabledIT {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    /** Issue 12: only sandbox mode defaults to loopback; without it Spring Boot's default (every address) applies. */
    @Test
    void withoutTheSandboxKessaiListensOnEveryAddress() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors()[0];
        assertThat(connector.getProperty("address")).isNull();
    }

    @Test
    void sandboxEndpointsAre404AndTheDemoShopIsAbsent() throws Exception {
        var http = HttpClient.newHttpClient();
        var post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/jcb-preca/cards"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cardNo\":\"1\",\"approvalNo\":\"1\",\"balance\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Exception");
        var shop = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/shops"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"shopId\":\"tshop00000009\",\"shopPass\":\"pass0009\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shop.statusCode()).isEqualTo(404);
        var mpTokens = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/mp-tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"shopId\":\"tshop00000001\",\"cardNumber\":\"4111111111111111\","
                        + "\"expiryMonth\":\"06\",\"expiryYear\":\"2033\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mpTokens.statusCode()).as("no MP tokens from card data in clear without the sandbox").isEqualTo(404);
        var entry = new IdPassClient("http://localhost:" + port).post("EntryTranJcbPreca",
                IdPassClient.params("ShopID", "tshop00000001", "ShopPass", "kessai01", "OrderID", "x1", "Amount", "1"));
        assertThat(entry.get("ErrInfo")).isEqualTo("M01002002");
    }
}
