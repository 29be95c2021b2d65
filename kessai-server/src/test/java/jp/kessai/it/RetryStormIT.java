package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Regression test of the first long run's finding (docs/reliability.md): a restarted node under a retry storm
 * accepted every request, ran out of heap and died holding its port. Now at most {@code kessai.server.max-in-flight}
 * requests are in progress (4 here); a storm many times that, on each face, gets normal answers or the face's "busy"
 * answer in the face's format (openapi {@code 429 too_many_requests}, idpass {@code E92000001}), never anything else;
 * the management endpoints stay reachable; and the node serves normally afterwards, the refused requests included.
 */
@TestPropertySource(properties = {
        "kessai.server.max-in-flight=4",
        "kessai.server.admission-wait=20ms",
        "kessai.server.management-max-in-flight=4"})
class RetryStormIT extends OpenApiIntegrationTest {

    private static final int STORM = 40;
    private static final String BUSY_IDPASS = "ErrCode=E92&ErrInfo=E92000001";
    private static final Pattern PROMETHEUS_SAMPLE = Pattern.compile("(?m)^([a-z_]+)(?:\\{[^}]*\\})? (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void calm() {
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"NONE\"}");
        sandbox("POST", "/sandbox/jcb-preca/faults", "{\"fault\":\"NONE\"}");
    }

    @Test
    void anOpenApiStormGetsChargesOrTooManyRequestsAndTheNodeServesAfterwards() throws Exception {
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":1500}");
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            orderIds.add(newOrderId());
        }
        var answers = parallel(STORM, i -> api.post("/credit/charge", chargeBody(orderIds.get(i), 100, "AUTH")));

        List<String> refused = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            var answer = answers.get(i);
            if (answer.status() == 201) {
                continue;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(429);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).isEqualTo(
                    "{\"title\":\"too_many_requests\",\"detail\":\"Too many concurrent requests.\",\"instance\":\"/credit/charge\"}");
            refused.add(orderIds.get(i));
        }
        assertThat(refused).as("the storm met the bound").isNotEmpty();
        assertThat(STORM - refused.size()).as("and some charges went through").isPositive();

        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"NONE\"}");
        for (String orderId : refused) {
            assertThat(api.post("/credit/charge", chargeBody(orderId, 100, "AUTH")).status())
                    .as("nothing of a refused charge was done: its retry is a first charge").isEqualTo(201);
        }
        assertThat(metric("kessai_server_requests_in_flight")).as("every slot given back").isEqualTo(0.0);
    }

    @Test
    void anIdPassStormGetsPaymentsOrE92000001AndTheNodeServesAfterwards() throws Exception {
        List<Map<String, String>> orders = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            orders.add(entry(100, 0));
            cards.add(newCard(1000));
        }
        sandbox("POST", "/sandbox/jcb-preca/faults", "{\"latencyMillis\":1200}");
        var answers = parallel(STORM, i -> exec(orders.get(i), cards.get(i), "1234"));

        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            var answer = answers.get(i);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualToIgnoringCase("text/plain;charset=Windows-31J");
            if (answer.get("ErrCode") == null) {
                assertThat(answer.get("Status")).as(answer.body()).isEqualTo("SALES");
            } else {
                assertThat(answer.body()).isEqualTo(BUSY_IDPASS);
                refused.add(i);
            }
        }
        assertThat(refused).as("the storm met the bound").isNotEmpty();
        assertThat(STORM - refused.size()).as("and some payments went through").isPositive();

        sandbox("POST", "/sandbox/jcb-preca/faults", "{\"fault\":\"NONE\"}");
        for (int i : refused) {
            assertThat(exec(orders.get(i), cards.get(i), "1234").get("Status"))
                    .as("nothing of a refused payment was done: its retry pays").isEqualTo("SALES");
            assertThat(cardBalance(cards.get(i))).isEqualTo(900);
        }
        assertThat(metric("kessai_server_requests_in_flight")).isEqualTo(0.0);
    }

    @Test
    void whileTheNodeIsFullEveryFaceAnswersBusyInItsOwnFormatAndTheOperatorSeesIt() throws Exception {
        double refusedBefore = metricSum("kessai_server_requests_refused_total");
        sandbox("POST", "/sandbox/card/faults", "{\"latencyMillis\":8000}");
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<OpenApiClient.Answer>> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(executor.submit(() -> api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"))));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (metric("kessai_server_requests_in_flight") < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(metric("kessai_server_requests_in_flight")).as("the management endpoints see the node full")
                    .isEqualTo(4.0);

            assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);

            var charge = send("POST", "/credit/charge", "application/json", chargeBody(newOrderId(), 100, "AUTH"));
            assertBusy(charge, 429, "application/problem+json",
                    "{\"title\":\"too_many_requests\",\"detail\":\"Too many concurrent requests.\",\"instance\":\"/credit/charge\"}");
            var unknown = send("GET", "/no/such/path", null, null);
            assertBusy(unknown, 429, "application/problem+json",
                    "{\"title\":\"too_many_requests\",\"detail\":\"Too many concurrent requests.\",\"instance\":\"/no/such/path\"}");

            var exec = send("POST", "/payment/ExecTranJcbPreca.idPass", "application/x-www-form-urlencoded",
                    "ShopID=" + SHOP_ID);
            assertBusy(exec, 200, "text/plain;charset=Windows-31J", BUSY_IDPASS);
            var netCashStart = send("POST", "/payment/NetCashStart.idPass", "application/x-www-form-urlencoded", "");
            assertThat(netCashStart.statusCode()).isEqualTo(503);
            assertThat(netCashStart.headers().firstValue("Content-Type")).hasValue("text/html;charset=Windows-31J");
            assertThat(body(netCashStart, "Windows-31J")).contains("E92000001").doesNotContain("E91");

            var threeDs = send("GET", "/3ds/" + "0".repeat(40), null, null);
            assertThat(threeDs.statusCode()).as("a customer's browser gets a page, not JSON").isEqualTo(503);
            assertThat(threeDs.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(body(threeDs, "UTF-8")).contains("本人認証 (3Dセキュア)")
                    .contains("しばらくしてから、このページを再読み込みしてください。");

            var sandbox = send("GET", "/sandbox/jcb-preca/cards/8800000000000001", null, null);
            assertBusy(sandbox, 503, "application/json",
                    "{\"error\":\"Kessai is busy (too many requests in progress); retry in a moment\"}");

            String metrics = body(send("GET", "/actuator/prometheus", null, null), "UTF-8");
            assertThat(metrics).contains("# HELP kessai_server_requests_refused_total Requests refused")
                    .contains("# HELP kessai_server_requests_in_flight Requests in progress");
            assertThat(metricSum("kessai_server_requests_refused_total") - refusedBefore).isGreaterThanOrEqualTo(6);
            assertThat(metric("kessai_server_requests_refused_total{face=\"idpass\"}")).isGreaterThanOrEqualTo(2);
            assertThat(metric("kessai_server_requests_refused_total{face=\"sandbox\"}")).isGreaterThanOrEqualTo(1);

            for (var charged : held) {
                assertThat(charged.get().status()).as("the admitted requests are served as usual").isEqualTo(201);
            }
        }
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"NONE\"}");
        assertThat(api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")).status()).isEqualTo(201);
        assertThat(idpass.post("EntryTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "OrderID", newOrderId(), "Amount", "100")).get("AccessID")).isNotNull();
        assertThat(metric("kessai_server_requests_in_flight")).isEqualTo(0.0);
    }

    private static void assertBusy(HttpResponse<byte[]> answer, int status, String contentType, String body) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Connection")).as("a refused client keeps no connection").hasValue("close");
        assertThat(body(answer, contentType.contains("Windows-31J") ? "Windows-31J" : "UTF-8")).isEqualTo(body);
    }

    private static String body(HttpResponse<byte[]> answer, String charset) {
        return new String(answer.body(), java.nio.charset.Charset.forName(charset));
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The value of one Prometheus sample, {@code name} with its labels as written; 0 when it is not there. */
    private double metric(String sample) throws Exception {
        String text = body(send("GET", "/actuator/prometheus", null, null), "UTF-8");
        for (String line : text.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return 0;
    }

    /** The sum of every sample of {@code name}, whatever its labels. */
    private double metricSum(String name) throws Exception {
        String text = body(send("GET", "/actuator/prometheus", null, null), "UTF-8");
        double sum = 0;
        var matcher = PROMETHEUS_SAMPLE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    interface Indexed<T> {
        T call(int index) throws Exception;
    }

    /** {@code count} requests at once, each on its own virtual thread; the answers in order. */
    static <T> List<T> parallel(int count, Indexed<T> call) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit((Callable<T>) () -> call.call(index)));
            }
            List<T> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
