package jp.kessai.face.openapi;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import jp.kessai.platform.web.ErrorReply;
import jp.kessai.platform.web.FaceErrorPage;
import jp.kessai.platform.web.Refusal;
import jp.kessai.platform.web.WireFace;
import org.springframework.stereotype.Component;

/**
 * problem+json for answers no endpoint wrote: TRACE (refused by Tomcat), a non-normalised path, a request Tomcat
 * refused before reading it, a body shorter than its Content-Length, and every path outside the faces (the catalogue's
 * resource_not_found, as the OpenAPI type answers an unknown endpoint). One row per refusal; docs/openapi.md lists them.
 */
@Component
class OpenApiErrorPage implements FaceErrorPage {

    private static final Map<Refusal, Problem> PROBLEMS = new EnumMap<>(Refusal.class);

    static {
        PROBLEMS.put(Refusal.NOT_FOUND, new Problem(ProblemTitle.RESOURCE_NOT_FOUND, "The requested resource was not found."));
        PROBLEMS.put(Refusal.METHOD_NOT_ALLOWED, new Problem(ProblemTitle.METHOD_NOT_ALLOWED, "The HTTP method is not allowed."));
        PROBLEMS.put(Refusal.REJECTED_HEADERS, new Problem(ProblemTitle.INVALID_HEADER, "The request headers are invalid."));
        PROBLEMS.put(Refusal.UNREADABLE, new Problem(ProblemTitle.INVALID_REQUEST, "The request could not be read."));
        PROBLEMS.put(Refusal.BODY_TOO_LARGE, new Problem(ProblemTitle.INVALID_REQUEST, "The request body is too large."));
        PROBLEMS.put(Refusal.UNSUPPORTED_MEDIA_TYPE, new Problem(ProblemTitle.UNSUPPORTED_MEDIA_TYPE,
                "The Content-Type must be application/json."));
        PROBLEMS.put(Refusal.NOT_ACCEPTABLE, new Problem(ProblemTitle.INVALID_HEADER, Problem.INVALID_VALUE + "(Accept)"));
        PROBLEMS.put(Refusal.UNAVAILABLE, new Problem(ProblemTitle.SERVICE_UNAVAILABLE,
                "The service is temporarily unavailable. Please try again later."));
        PROBLEMS.put(Refusal.SERVER_ERROR, Problem.internalError());
        for (Refusal refusal : Refusal.values()) {
            if (!PROBLEMS.containsKey(refusal)) {
                throw new AssertionError("Refusal " + refusal + " has no openapi problem");
            }
        }
    }

    private final OpenApiJson json;

    OpenApiErrorPage(OpenApiJson json) {
        this.json = json;
    }

    @Override
    public WireFace face() {
        return WireFace.OPENAPI;
    }

    @Override
    public ErrorReply reply(Refusal refusal, String rawPath) {
        Reply reply = json.problem(PROBLEMS.get(refusal), rawPath);
        return new ErrorReply(reply.status(), "application/problem+json", StandardCharsets.UTF_8, reply.body());
    }
}
