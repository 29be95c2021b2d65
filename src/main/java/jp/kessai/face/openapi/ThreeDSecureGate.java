package jp.kessai.face.openapi;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where /credit/verifyCard and /credit/on-file/charge meet 3-D Secure: {@code useTds2} defaults to true there, and
 * until the 3-D Secure flow is wired to these endpoints such a request gets one clear problem. This is the one place
 * to change when it is.
 */
final class ThreeDSecureGate {

    static final String NOT_AVAILABLE = "3-D Secure is not available on this endpoint yet (useTds2 defaults to true; "
            + "send false).";

    private ThreeDSecureGate() {}

    /** The refusal for {@code options} (the object holding useTds2, reported at {@code path}), if 3-D Secure is asked. */
    static Optional<Problem> refusal(JsonNode options, String path) {
        JsonNode useTds2 = options == null ? null : options.get("useTds2");
        if (SchemaValidator.absent(useTds2) || useTds2.booleanValue()) {
            return Optional.of(new Problem(ProblemTitle.INVALID_PARAMETER, NOT_AVAILABLE + "(" + path + ".useTds2)"));
        }
        return Optional.empty();
    }
}
