package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.platform.metrics.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regression: the controller's unexpected-error log line passed the exception to the logger, which printed its
 * message, its causes' messages and the stack trace — a 500 on {@code /order/inquiry} logged the request's value
 * although docs/openapi.md promises the exception class only. An endpoint that fails with request values in the
 * messages must leave only class names (and the throwing frame) in the log, and answer the catalogue's 500.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorLogTest {

    private static final String CARD = "4111111111111111";
    private static final String SECRET = "s3cr3t-request-value";

    @Test
    void anUnexpectedFailureLogsClassNamesButNoMessageOrStackTrace(CapturedOutput output) throws Exception {
        var shop = new Shop(1, "tshop00000001", null, ShopMode.TEST, ShopSettings.defaults());
        var authenticator = mock(ShopAuthenticator.class);
        when(authenticator.authenticate(any(), anyString(), anyBoolean())).thenReturn(Optional.of(shop));
        var limiter = mock(ConcurrencyLimiter.class);
        when(limiter.acquire(any(), anyString())).thenReturn(Optional.of(new ConcurrencyLimiter.Slot(new java.util.concurrent.Semaphore(1))));
        OpenApiOperation failing = new OpenApiOperation() {
            @Override
            public String path() {
                return "/order/inquiry";
            }

            @Override
            public boolean idempotent() {
                return false;
            }

            @Override
            public Reply handle(OpenApiCall call) {
                throw new IllegalStateException("value " + CARD,
                        new IllegalArgumentException("cause with " + SECRET));
            }
        };
        var json = new OpenApiJson(JsonMapper.builder().build());
        var controller = new OpenApiController(List.of(failing), authenticator, limiter, mock(IdempotencyKeys.class),
                mock(TokenEndpoint.class), json, mock(Counters.class), mock(RequestFingerprints.class));
        var request = new MockHttpServletRequest("POST", "/order/inquiry");
        request.setContentType("application/json");
        request.setContent(("{\"accessId\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8));
        var response = new MockHttpServletResponse();

        controller.handle(request, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"title\":\"internal_server_error\"")
                .doesNotContain(CARD).doesNotContain(SECRET).doesNotContain("Exception");
        assertThat(output.getAll()).contains("openapi /order/inquiry failed unexpectedly: java.lang.IllegalStateException")
                .contains("caused by java.lang.IllegalArgumentException")
                .doesNotContain(CARD).doesNotContain(SECRET)
                .doesNotContain("\tat ").doesNotContain("Caused by:");
    }
}
