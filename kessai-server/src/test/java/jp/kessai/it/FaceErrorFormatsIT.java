package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 finding 6: answers that no face's endpoint wrote came out in no face's format — Spring's JSON for TRACE, a
 * body shorter than its Content-Length, non-normalised paths and unknown paths; an empty 200 for OPTIONS on idpass;
 * Tomcat's HTML page for requests Tomcat refuses itself. Every answer is now in the format of the face its path
 * belongs to, sent as raw bytes where an HTTP client would refuse to send the request.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaceErrorFormatsIT extends IntegrationTest {

    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IDPASS = "/payment/EntryTranJcbPreca.idPass";
    private static final String BASIC = "Authorization: Basic dHNob3AwMDAwMDAwMTprZXNzYWkwMQ==\r\n";
    private static final String SYSTEM_ERROR = "ErrCode=E91&ErrInfo=E91099999";
    private static final String POST_REQUIRED = "ErrCode=E31&ErrInfo=E31500014";

    @Test
    void traceWasSpringJson405OnBothFaces() {
        assertIdPass(raw("TRACE " + IDPASS, ""), 200, POST_REQUIRED);
        assertProblem(raw("TRACE /credit/charge", ""), 405, "method_not_allowed", "/credit/charge");
        assertProblem(raw("TRACE /token", ""), 405, "method_not_allowed", "/token");
    }

    @Test
    void optionsOnIdpassWasAnEmpty200() {
        assertIdPass(raw("OPTIONS " + IDPASS, ""), 200, POST_REQUIRED);
        assertProblem(raw("OPTIONS /order/inquiry", ""), 405, "method_not_allowed", "/order/inquiry");
        var page = raw("OPTIONS /payment/NetCashStart.idPass", "");
        assertThat(page.contentType()).isEqualTo("text/html;charset=Windows-31J");
        assertThat(page.text(WINDOWS_31J)).contains("E31500014");
    }

    @Test
    void aBodyShorterThanItsContentLengthWasSpringJson400() {
        var idpass = RawHttp.send(port, bytes("POST " + IDPASS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"
                + "ShopID=tshop00000001"), true);
        assertIdPass(idpass, 400, SYSTEM_ERROR);
        var openapi = RawHttp.send(port, bytes("POST /credit/charge HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n" + BASIC + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"order\":"), true);
        assertProblem(openapi, 400, "invalid_request", "/credit/charge");
    }

    @Test
    void nonNormalisedPathsWereSpringJson404() {
        assertIdPass(raw("POST /payment/EntryTranJcbPreca.idPass/", ""), 404, SYSTEM_ERROR);
        assertIdPass(raw("POST /payment/../payment/EntryTranJcbPreca.idPass", ""), 404, SYSTEM_ERROR);
        assertIdPass(raw("POST //payment/EntryTranJcbPreca.idPass", ""), 404, SYSTEM_ERROR);
        assertProblem(raw("POST //credit/charge", ""), 404, "resource_not_found", "//credit/charge");
        assertProblem(raw("POST /credit/charge/", ""), 404, "resource_not_found", "/credit/charge/");
    }

    @Test
    void requestsTomcatRejectsItselfWereTomcatsHtmlPage(CapturedOutput output) {
        for (String path : new String[] {"/credit/charge", IDPASS}) {
            String[] rejected = {
                    "X-Note: a\u0000b\r\n",                      // NUL in a header value
                    "X-Note: a\rb\r\n",                           // bare CR
                    "X-Note: " + "a".repeat(9 * 1024) + "\r\n",   // headers over 8 KiB
                    "Content-Length: 0\r\nContent-Length: 0\r\n"}; // duplicate Content-Length
            for (String header : rejected) {
                var answer = raw("POST " + path, header);
                if (path.equals(IDPASS)) {
                    assertIdPass(answer, 400, SYSTEM_ERROR);
                } else {
                    assertProblem(answer, 400, "invalid_header", path);
                }
            }
        }
        assertProblem(raw("POST /credit/charge%00", ""), 404, "resource_not_found", "/credit/charge%00");
        assertIdPass(raw("POST /payment/EntryTranJcbPreca%00.idPass", ""), 404, SYSTEM_ERROR);
        assertProblem(raw("POST /credit%2Fcharge", ""), 404, "resource_not_found", "/credit%2Fcharge");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("<html");
    }

    @Test
    void unknownPathsOutsideTheOpenApiPrefixesWereSpringJson() {
        for (String path : new String[] {"/", "/nothing/here", "/error", "/actuator/nothing", "/payment"}) {
            assertProblem(raw("GET " + path, ""), 404, "resource_not_found", path);
        }
        assertIdPass(raw("POST /payment/Nothing.idPass", ""), 404, SYSTEM_ERROR);
    }

    @Test
    void sandboxErrorsKeepTheSandboxsOwnForm() {
        var unreadable = RawHttp.send(port, bytes("POST /sandbox/card/faults HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{x}"), true);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).isEqualTo("application/json");
        assertThat(json(unreadable).get("error").stringValue()).isNotBlank();
        var unknown = raw("GET /sandbox/nothing", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).get("error").stringValue()).isEqualTo("no such sandbox endpoint");
        var method = raw("GET /sandbox/card/faults", "");
        assertThat(method.status()).isEqualTo(405);
        assertThat(json(method).get("error").stringValue()).isEqualTo("method not allowed");
    }

    private RawHttp.Answer raw(String requestLine, String headers) {
        return RawHttp.send(port, bytes(requestLine + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + (headers.contains("Content-Length") ? "" : "Content-Length: 0\r\n") + "Connection: close\r\n\r\n"), true);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void assertIdPass(RawHttp.Answer answer, int status, String body) {
        assertThat(answer.status()).as(answer.text(WINDOWS_31J)).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("text/plain;charset=Windows-31J");
        assertThat(answer.text(WINDOWS_31J)).isEqualTo(body);
    }

    static void assertProblem(RawHttp.Answer answer, int status, String title, String instance) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("title").stringValue()).isEqualTo(title);
        assertThat(problem.get("instance").stringValue()).isEqualTo(instance);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        assertThat(ResponseSchemaCheck.violations("Problem", answer.text())).isEmpty();
    }

    private static JsonNode json(RawHttp.Answer answer) {
        return JSON.readTree(answer.text());
    }
}
