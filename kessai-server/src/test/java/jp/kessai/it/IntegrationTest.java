package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: the whole application on its embedded PostgreSQL (a fresh data directory per test JVM),
 * driven over real HTTP. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kessai.data-dir=target/it-data/${random.uuid}",
        "kessai.centers.timeout=2s",
        "kessai.reconciler.interval=1h",
        "kessai.notifications.poll-interval=1h",
        "kessai.notifications.expiry-interval=1h",
        "logging.level.jp.kessai=INFO",
        "kessai.admin.token=" + IntegrationTest.ADMIN_TOKEN})
public abstract class IntegrationTest {

    public static final String SHOP_ID = "tshop00000001";
    public static final String SHOP_PASS = "kessai01";
    /** The admin API's bearer token in the integration tier. */
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final AtomicLong ORDER_SEQ = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected IdPassClient idpass;

    @BeforeEach
    void clients() {
        idpass = new IdPassClient(baseUrl());
        sandbox("POST", "/sandbox/jcb-preca/faults", "{\"fault\":\"NONE\"}");
        sandbox("POST", "/sandbox/netcash/faults", "{\"fault\":\"NONE\"}");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected static String newOrderId() {
        return "it-" + System.nanoTime() % 1_000_000_000L + "-" + ORDER_SEQ.incrementAndGet();
    }

    /** A fresh sandbox prepaid card (approval number 1234) so tests never share balances. */
    protected String newCard(long balanceYen, String extraJson) {
        String cardNo = "88" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
        var response = sandbox("POST", "/sandbox/jcb-preca/cards",
                "{\"cardNo\":\"" + cardNo + "\",\"approvalNo\":\"1234\",\"balance\":" + balanceYen
                        + (extraJson.isEmpty() ? "" : "," + extraJson) + "}");
        assertThat(response.statusCode()).isEqualTo(201);
        return cardNo;
    }

    protected String newCard(long balanceYen) {
        return newCard(balanceYen, "");
    }

    protected HttpResponse<String> sandbox(String method, String path, String json) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json");
            builder = json == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                    : builder.method(method, HttpRequest.BodyPublishers.ofString(json));
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected long cardBalance(String cardNo) {
        String body = sandbox("GET", "/sandbox/jcb-preca/cards/" + cardNo, null).body();
        return Long.parseLong(body.replaceAll(".*\"balance\":(\\d+).*", "$1"));
    }

    /** EntryTranJcbPreca for a new order; returns OrderID, AccessID and AccessPass. */
    protected Map<String, String> entry(long amount, long tax) {
        String orderId = newOrderId();
        var answer = idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", orderId, "Amount", Long.toString(amount), "Tax", Long.toString(tax)));
        assertThat(answer.isError()).as(answer.body()).isFalse();
        return Map.of("OrderID", orderId, "AccessID", answer.get("AccessID"), "AccessPass", answer.get("AccessPass"));
    }

    protected IdPassClient.Answer exec(Map<String, String> order, String cardNo, String approvalNo) {
        return idpass.post("ExecTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", order.get("AccessID"), "AccessPass", order.get("AccessPass"), "OrderID", order.get("OrderID"),
                "CardNo", cardNo, "ApprovalNo", approvalNo));
    }

    protected IdPassClient.Answer cancel(Map<String, String> order) {
        return idpass.post("JcbPrecaCancel", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", order.get("AccessID"), "AccessPass", order.get("AccessPass"), "OrderID", order.get("OrderID")));
    }

    protected IdPassClient.Answer search(String orderId) {
        return idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", orderId,
                "PayType", "14"));
    }

    /** Runs one reconciliation pass now; returns how many attempts it settled. */
    protected int reconcile() {
        var response = sandbox("POST", "/sandbox/reconcile", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.body().replaceAll("\\D", ""));
    }
}
