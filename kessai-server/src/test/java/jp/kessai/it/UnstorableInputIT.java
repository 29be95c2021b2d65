package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Regressions of the black-box battery, over real HTTP: a NUL byte in credentials gave 500 on every openapi endpoint
 * ({@code Authorization: Basic} of base64 {@code x\0:y}) and E91099999 on idpass ({@code ShopID=%00}), and
 * {@code /order/inquiry} with a non-string accessId gave 500 with the value in the log. No client input may reach
 * PostgreSQL in a form it refuses: each face answers its own input error, and nothing is logged as unexpected.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnstorableInputIT extends OpenApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ACCESS_ID = "0123456789abcdef0123456789abcdef";
    private static final Map<String, String> BODIES = Map.of(
            "/credit/charge", chargeBody("nul-1", 100, "AUTH"),
            "/order/capture", "{\"accessId\":\"" + ACCESS_ID + "\"}",
            "/order/update", "{\"accessId\":\"" + ACCESS_ID + "\",\"amount\":\"100\",\"authorizationMode\":\"AUTH\"}",
            "/order/cancel", "{\"accessId\":\"" + ACCESS_ID + "\"}",
            "/order/inquiry", "{\"accessId\":\"" + ACCESS_ID + "\"}");

    @Test
    void basicCredentialsWithANulByteAreUnauthorizedOnEveryEndpoint(CapturedOutput output) {
        for (String credentials : new String[] {"x\u0000:y", SHOP_ID + "\u0000:" + SHOP_PASS, SHOP_ID + ":" + SHOP_PASS + "\u0000"}) {
            var client = new OpenApiClient(baseUrl()).as("Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            var token = client.token("grant_type=client_credentials&scope=openapi");
            assertUnauthorized(token, "/token");
            BODIES.forEach((path, body) -> assertUnauthorized(client.post(path, body), path));
        }
        assertThat(output.getAll()).doesNotContain("failed unexpectedly").doesNotContain("PSQLException")
                .doesNotContain("invalid byte sequence");
    }

    @Test
    void idpassParametersWithANulByteGetTheirOwnInputError(CapturedOutput output) {
        var entry = idpass.post("EntryTranJcbPreca", params("ShopID", "\u0000", "ShopPass", SHOP_PASS,
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(entry.body()).isEqualTo("ErrCode=M01|M01&ErrInfo=M01002008|M01002002");

        var search = idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", "kessai\u0000",
                "OrderID", "o\u0000", "PayType", "14"));
        assertThat(search.body()).isEqualTo("ErrCode=E01|E01|E01&ErrInfo=E01020008|E01030002|E01040013");

        var version = idpass.post("EntryTranNetcash", params("Version", "\u0000", "ShopID", SHOP_ID,
                "ShopPass", SHOP_PASS, "OrderID", newOrderId(), "Amount", "100"));
        assertThat(version.body()).isEqualTo("ErrCode=M01&ErrInfo=M01001005");

        var order = entry(100, 0);
        var exec = idpass.post("ExecTranJcbPreca", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                "AccessID", order.get("AccessID"), "AccessPass", order.get("AccessPass"), "OrderID", order.get("OrderID"),
                "CardNo", "999\u0000", "ApprovalNo", "1234", "ClientField1", "a\u0000b", "CarryInfo", "\u0000"));
        assertThat(exec.body()).isEqualTo("ErrCode=E01|M01|JP1&ErrInfo=E01170006|M01039013|JP1000036");

        var start = form("/payment/NetCashStart.idPass", "AccessID=%00&Token=%00");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("<span class=\"errinfo\">NC1000001</span>")
                .contains("<span class=\"errinfo\">NC1000003</span>");
        var startToken = form("/payment/NetCashStart.idPass", "AccessID=" + ACCESS_ID + "&Token=ab%00cd");
        assertThat(startToken.body()).contains("<span class=\"errinfo\">NC1000003</span>")
                .doesNotContain("NC1000002");

        assertThat(output.getAll()).doesNotContain("failed unexpectedly").doesNotContain("PSQLException");
    }

    @Test
    void jsonTextWithANulByteOrALoneSurrogateIsAnInvalidParameter(CapturedOutput output) {
        String key = newKey();
        var orderId = api.post("/credit/charge", chargeBody("nul\\u0000id", 100, "AUTH"), idempotencyKey(key));
        assertInvalid(orderId, "/credit/charge", "order.orderId");
        var again = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH"), idempotencyKey(key));
        assertThat(again.status()).as("the refused request left its key free").isEqualTo(201);

        var unknownMember = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")
                .replace("\"transactionType\":\"CIT\"", "\"transactionType\":\"CIT\",\"note\":\"a\\u0000b\""));
        assertInvalid(unknownMember, "/credit/charge", "order.note");
        var surrogate = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH")
                .replace("見本 太郎", "見本\\ud800"));
        assertInvalid(surrogate, "/credit/charge", "payer.name");
        var clientField = api.post("/credit/charge", chargeBody(newOrderId(), 100, "AUTH").replace("\"cf1\"", "\"\\u0000\""));
        assertInvalid(clientField, "/credit/charge", "order.clientFields.clientField1");
        assertInvalid(api.post("/order/inquiry", "{\"orderId\":\"o\\u0000\"}"), "/order/inquiry", "orderId");
        assertInvalid(api.post("/order/capture", "{\"accessId\":\"" + ACCESS_ID + "\\u0000\"}"), "/order/capture", "accessId");

        assertThat(output.getAll()).doesNotContain("failed unexpectedly").doesNotContain("PSQLException");
    }

    @Test
    void inquiryWithANonStringAccessIdOrOrderIdIsAnInvalidParameter(CapturedOutput output) {
        assertInvalid(api.post("/order/inquiry", "{\"accessId\":31415926535}"), "/order/inquiry", "accessId");
        assertInvalid(api.post("/order/inquiry", "{\"accessId\":true}"), "/order/inquiry", "accessId");
        assertInvalid(api.post("/order/inquiry", "{\"orderId\":{\"a\":1}}"), "/order/inquiry", "orderId");
        assertInvalid(api.post("/order/inquiry", "{\"orderId\":[\"x\"]}"), "/order/inquiry", "orderId");
        assertInvalid(api.post("/order/capture", "{\"accessId\":7}"), "/order/capture", "accessId");

        assertThat(output.getAll()).doesNotContain("failed unexpectedly").doesNotContain("31415926535"); // a value no other log line can hold (the per-request lines show hex AccessIDs)
    }

    @Test
    void sandboxInputsThatReachQueriesAreChecked(CapturedOutput output) {
        var url = sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{\"resultNotificationUrl\":\"http://example.com/\\u0000\"}");
        assertThat(url.statusCode()).isEqualTo(400);
        var notAString = sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{\"resultNotificationUrl\":5}");
        assertThat(notAString.statusCode()).isEqualTo(400);
        for (String path : new String[] {"/sandbox/shops/%00/notifications", "/sandbox/jcb-preca/cards/%00",
                "/sandbox/netcash/cards/%00", "/sandbox/card/authorizations/%00", "/payment/netcash/result/%00"}) {
            int status = sandbox("GET", path, null).statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
        assertThat(output.getAll()).doesNotContain("PSQLException").doesNotContain("failed unexpectedly");
    }

    private static void assertUnauthorized(OpenApiClient.Answer answer, String path) {
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("title").stringValue()).isEqualTo("unauthorized_request");
        assertThat(answer.json().get("detail").stringValue()).isEqualTo("The request is unauthorized.");
        assertThat(answer.json().get("instance").stringValue()).isEqualTo(path);
    }

    private static void assertInvalid(OpenApiClient.Answer answer, String path, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo("{\"title\":\"invalid_parameter\",\"detail\":\"The parameter value is invalid.("
                + field + ")\",\"instance\":\"" + path + "\"}");
    }

    private HttpResponse<String> form(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.Charset.forName("Windows-31J")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
