package jp.kessai.face.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.kessai.platform.web.ErrorReply;
import jp.kessai.platform.web.FaceErrorPage;
import jp.kessai.platform.web.Refusal;
import jp.kessai.platform.web.WireFace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox API's own error form, {@code {"error":"…"}}, for answers its controllers did not write. */
@Component
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class SandboxErrorPage implements FaceErrorPage {

    private static final Map<Refusal, String> MESSAGES = Map.of(
            Refusal.NOT_FOUND, "no such sandbox endpoint",
            Refusal.METHOD_NOT_ALLOWED, "method not allowed",
            Refusal.REJECTED_HEADERS, "the request headers are invalid",
            Refusal.UNREADABLE, "the request could not be read (a JSON object is expected)",
            Refusal.BODY_TOO_LARGE, "the request body is too large",
            Refusal.UNSUPPORTED_MEDIA_TYPE, SandboxErrors.NOT_JSON_MEDIA_TYPE,
            Refusal.NOT_ACCEPTABLE, "the sandbox answers application/json only",
            Refusal.UNAVAILABLE, "Kessai is starting or stopping",
            Refusal.BUSY, "Kessai is busy (too many requests in progress); retry in a moment",
            Refusal.SERVER_ERROR, "internal error");

    static {
        for (Refusal refusal : Refusal.values()) {
            if (!MESSAGES.containsKey(refusal)) {
                throw new AssertionError("Refusal " + refusal + " has no sandbox message");
            }
        }
    }

    private final JsonMapper json;

    SandboxErrorPage(JsonMapper json) {
        this.json = json;
    }

    @Override
    public WireFace face() {
        return WireFace.SANDBOX;
    }

    @Override
    public ErrorReply reply(Refusal refusal, String rawPath) {
        String body = json.writeValueAsString(Map.of("error", MESSAGES.get(refusal)));
        return new ErrorReply(refusal.status, "application/json", StandardCharsets.UTF_8, body);
    }
}
