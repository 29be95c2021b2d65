package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The battery's HTTP-level malformed-input corpus: every endpoint of every face gets every malformed request of the
 * corpus (broken bodies and encodings, wrong methods and media types, bad credentials and headers, requests Tomcat
 * refuses), sent as raw bytes. For each answer: no 5xx, the face's own format (idpass {@code ErrCode/ErrInfo} or its
 * error screen, openapi problem+json with a title of the catalogue, the sandbox's JSON); and nothing in the log is a
 * stack trace or an unexpected failure. A new endpoint joins by being listed in {@link #ENDPOINTS}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedInputCorpusIT extends IntegrationTest {

    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASIC = "Basic dHNob3AwMDAwMDAwMTprZXNzYWkwMQ=="; // the demo shop
    private static final Pattern IDPASS_ERROR = Pattern.compile("ErrCode=[A-Z0-9]{3}(\\|[A-Z0-9]{3})*&ErrInfo=[A-Z0-9]{9}(\\|[A-Z0-9]{9})*");
    private static final String ACCESS_ID = "0123456789abcdef0123456789abcdef";

    enum Format { IDPASS_TEXT, IDPASS_PAGE, OPENAPI, SANDBOX, BROWSER_PAGE }

    /** A 3DS flow token no flow has (the browser pages answer it with their own "not accepted" page). */
    private static final String TDS_TOKEN = "0123456789abcdef0123456789abcdef01234567";

    /** Every endpoint, by the format its answers must have. */
    static final Map<String, Format> ENDPOINTS = new LinkedHashMap<>();

    static {
        for (String name : List.of("EntryTranJcbPreca", "ExecTranJcbPreca", "JcbPrecaCancel", "JcbPrecaBalanceInquiry",
                "SearchTradeMulti", "EntryTranNetcash", "ExecTranNetcash")) {
            ENDPOINTS.put("/payment/" + name + ".idPass", Format.IDPASS_TEXT);
        }
        ENDPOINTS.put("/payment/NetCashStart.idPass", Format.IDPASS_PAGE);
        ENDPOINTS.put("/payment/netcash/result/" + ACCESS_ID, Format.IDPASS_PAGE);
        for (String path : List.of("/token", "/credit/charge", "/order/capture", "/order/update", "/order/cancel",
                "/order/inquiry", "/credit/verifyCard", "/credit/storeCard", "/credit/getCardDetails",
                "/credit/on-file/charge", "/member/create", "/member/inquiry", "/member/delete", "/member/deleteItem",
                "/tds2/finalizeCharge", "/tds2/finalizeVerification", "/wallet/charge")) {
            ENDPOINTS.put(path, Format.OPENAPI);
        }
        // the customer's browser during 3-D Secure (Kessai's pages and the sandbox's ACS simulator)
        for (String path : List.of("/3ds/" + TDS_TOKEN, "/3ds/" + TDS_TOKEN + "/authenticate",
                "/3ds/" + TDS_TOKEN + "/challenge-return", "/3ds/not-a-token", "/simulator/acs/method/" + TDS_TOKEN,
                "/simulator/acs/challenge/" + TDS_TOKEN)) {
            ENDPOINTS.put(path, Format.BROWSER_PAGE);
        }
        for (String path : List.of("/sandbox/shops", "/sandbox/jcb-preca/cards", "/sandbox/jcb-preca/faults",
                "/sandbox/card/faults", "/sandbox/netcash/cards", "/sandbox/netcash/faults",
                "/sandbox/shops/no-such-shop/settings", "/sandbox/clock/advance", "/sandbox/tds2/faults", "/sandbox/tds2/cards")) {
            ENDPOINTS.put(path, Format.SANDBOX);
        }
    }

    /** Bodies no endpoint accepts: broken forms and escapes, broken JSON, wrong JSON types, bytes of every value. */
    static List<byte[]> bodies() {
        List<String> texts = List.of("", "&&&", "=", "==&=", "%", "%zz", "%E3%81", "ShopID=%00&ShopPass=%00",
                "ShopID=" + "A".repeat(5000), "a=b&a=c&a", "ShopID=tshop00000001&ShopPass=kessai01&OrderID=%FF%FE&Amount=1e9",
                "{", "}", "[]", "null", "1", "\"x\"", "{\"a\":", "{\"a\":1}{", "{\"accessId\":\"\\ud800\"}",
                "{\"accessId\":1e99999}", "{\"accessId\":[" + "[".repeat(2000) + "]}", "{\"orderId\":\"\\u0000\"}",
                "{\"order\":{\"amount\":\"-1\"},\"creditInformation\":[]}", "{\"cardNo\":\"x\",\"balance\":-1}",
                "{\"fault\":\"NO_SUCH\",\"count\":-5}", "{\"seconds\":\"x\"}", "{\"shopId\":null}",
                "grant_type=client_credentials&scope=%ZZ", "grant_type=" + "x".repeat(3000));
        List<byte[]> bodies = new ArrayList<>();
        for (String text : texts) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        var everyByte = new ByteArrayOutputStream();
        for (int b = 0; b < 256; b++) {
            everyByte.write(b);
        }
        bodies.add(everyByte.toByteArray());
        bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '=', (byte) 0xF0, (byte) 0x9F});
        bodies.add("x".repeat(70 * 1024).getBytes(StandardCharsets.US_ASCII)); // over every body limit
        return bodies;
    }

    /** Header sets: no or wrong media types and credentials, hostile header values. */
    static List<String> headerSets() {
        return List.of(
                "",
                "Content-Type: application/x-www-form-urlencoded\r\n",
                "Content-Type: application/json\r\nAuthorization: " + BASIC + "\r\n",
                "Content-Type: application/json; charset=Shift_JIS\r\nAuthorization: " + BASIC + "\r\nIdempotency-Key: k\u0001y\r\n",
                "Content-Type: application/x-www-form-urlencoded\r\nAuthorization: " + BASIC + "\r\nX-MP-Version: 9999-99\r\n",
                "Content-Type: text/plain\r\nAuthorization: Basic !!!\r\n",
                "Content-Type: ;;;\r\nAuthorization: Bearer \r\n",
                "Content-Type: application/json\r\nAuthorization: Basic " + "QQ==".repeat(500) + "\r\n",
                "Content-Type: application/json\r\nAuthorization: " + BASIC + "\r\nIdempotency-Key: " + "k".repeat(200) + "\r\n");
    }

    @Test
    void everyEndpointAnswersEveryMalformedRequestInItsFaceFormatWithoutA5xx(CapturedOutput output) {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var endpoint : ENDPOINTS.entrySet()) {
            for (String headers : headerSets()) {
                for (byte[] body : bodies()) {
                    sent++;
                    check(endpoint.getKey(), endpoint.getValue(), "POST", headers, body, failures);
                }
            }
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
                sent += 2;
                check(endpoint.getKey(), endpoint.getValue(), method, "Authorization: " + BASIC + "\r\n", new byte[0], failures);
                check(endpoint.getKey(), endpoint.getValue(), method, "Content-Type: application/x-www-form-urlencoded\r\n",
                        "=&a=%zz&%".getBytes(StandardCharsets.US_ASCII), failures);
            }
            for (String rejected : List.of("X-Note: a\u0000b\r\n", "X-Note: a\rb\r\n", "X-Note: " + "a".repeat(9000) + "\r\n",
                    "Content-Length: 1\r\nContent-Length: 2\r\n", "Transfer-Encoding: gzip\r\n")) {
                sent++;
                check(endpoint.getKey(), endpoint.getValue(), "POST", rejected, new byte[0], failures);
            }
        }
        assertThat(failures).as("%d of %d malformed requests answered outside the face's format", failures.size(), sent)
                .isEmpty();
        assertThat(sent).isGreaterThan(5000);
        assertThat(output.getAll()).as("no stack trace, no unexpected failure in the log")
                .doesNotContain("\tat ").doesNotContain("failed unexpectedly").doesNotContain("PSQLException");
    }

    private void check(String path, Format format, String method, String headers, byte[] body, List<String> failures) {
        var request = new ByteArrayOutputStream();
        String length = headers.contains("Content-Length") || headers.contains("Transfer-Encoding") ? ""
                : "Content-Length: " + body.length + "\r\n";
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + length
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        RawHttp.Answer answer = RawHttp.send(port, request.toByteArray(), true);
        String problem = method.equals("OPTIONS") && format != Format.IDPASS_TEXT && format != Format.OPENAPI
                && capabilities(answer) ? null : problem(format, answer);
        if (problem != null) {
            String shown = new String(body, 0, Math.min(body.length, 60), StandardCharsets.ISO_8859_1);
            failures.add(method + " " + path + " [" + headers.replace("\r\n", "; ") + "] body " + shown + " → " + answer.status()
                    + " " + answer.contentType() + ": " + problem);
        }
    }

    /**
     * OPTIONS on the sandbox and on the NET CASH return page (a browser page) is answered as HTTP defines it, 200 with
     * an Allow header and no body: not an error, so there is no error format to keep. The idpass API endpoints and
     * the openapi face refuse OPTIONS with their own codes instead (docs/compatibility.md).
     */
    private static boolean capabilities(RawHttp.Answer answer) {
        return answer.status() == 200 && answer.headers().containsKey("allow") && answer.body().length == 0;
    }

    /** Why the answer is not in the face's format, or null when it is. */
    private static String problem(Format format, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "a server error for a client mistake";
        }
        return switch (format) {
            case IDPASS_TEXT -> answer.contentType().equals("text/plain;charset=Windows-31J")
                    && IDPASS_ERROR.matcher(answer.text(WINDOWS_31J)).matches() ? null : answer.text(WINDOWS_31J);
            case IDPASS_PAGE -> answer.contentType().equals("text/html;charset=Windows-31J")
                    && answer.text(WINDOWS_31J).contains("ErrInfo=") ? null : "not the error screen";
            case OPENAPI -> openApiProblem(answer);
            case SANDBOX -> answer.contentType().startsWith("application/json") && json(answer) != null ? null : answer.text();
            // a page of its own (never a Tomcat or Spring page), or, for what no page handles (a method, a request
            // Tomcat refuses), the openapi face's problem+json (its paths belong to that face)
            case BROWSER_PAGE -> answer.contentType().startsWith("text/html") && answer.status() >= 200
                    && !answer.text().contains("Whitelabel") && !answer.text().contains("Apache Tomcat") ? null
                    : answer.contentType().equals("application/problem+json") ? openApiProblem(answer) : answer.text();
        };
    }

    private static String openApiProblem(RawHttp.Answer answer) {
        if (!answer.contentType().equals("application/problem+json") || answer.status() < 400) {
            return answer.text();
        }
        JsonNode body = json(answer);
        if (body == null || !body.has("title") || ResponseSchemaCheck.violations("Problem", answer.text()).size() > 0) {
            return "not a Problem: " + answer.text();
        }
        return null;
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.text());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
