package jp.kessai.face.openapi;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import jp.kessai.core.threeds.ThreeDsPaths;
import jp.kessai.platform.web.ErrorReply;
import jp.kessai.platform.web.FaceErrorPage;
import jp.kessai.platform.web.Refusal;
import jp.kessai.platform.web.WireFace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

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
        // the node has as many requests in progress as it admits: the seed's 429 (同時処理数が規定値を超えている —
        // an error before the API accepts the request, possible on every API), with the per-shop limit's detail;
        // not 503, which the seed reserves for maintenance announced months ahead (docs/compatibility.md)
        PROBLEMS.put(Refusal.BUSY, Problem.tooManyRequests());
        PROBLEMS.put(Refusal.SERVER_ERROR, Problem.internalError());
        for (Refusal refusal : Refusal.values()) {
            if (!PROBLEMS.containsKey(refusal)) {
                throw new AssertionError("Refusal " + refusal + " has no openapi problem");
            }
        }
    }

    private final OpenApiJson json;
    private final ObjectProvider<ITemplateEngine> templates;
    /** The 3-D Secure pages' "busy" page, rendered once: a refusal must cost next to nothing. */
    private volatile String busyPage;

    OpenApiErrorPage(OpenApiJson json, ObjectProvider<ITemplateEngine> templates) {
        this.json = json;
        this.templates = templates;
    }

    @Override
    public WireFace face() {
        return WireFace.OPENAPI;
    }

    @Override
    public ErrorReply reply(Refusal refusal, String rawPath) {
        if (refusal == Refusal.BUSY && WireFace.normalise(rawPath).startsWith(ThreeDsPaths.PREFIX)) {
            // a customer's browser: the 3-D Secure pages' own "reload in a moment" page, 503, as while the database
            // is unreachable (Tds2BrowserController); a reload goes on where the flow stands
            return new ErrorReply(503, "text/html;charset=UTF-8", StandardCharsets.UTF_8, busyPage());
        }
        Reply reply = json.problem(PROBLEMS.get(refusal), rawPath);
        return new ErrorReply(reply.status(), "application/problem+json", StandardCharsets.UTF_8, reply.body());
    }

    private String busyPage() {
        String page = busyPage;
        if (page == null) {
            var context = new Context(Locale.JAPANESE);
            context.setVariable("retry", false);
            context.setVariable("message", Tds2BrowserController.BUSY_MESSAGE);
            page = templates.getObject().process(Tds2BrowserController.MESSAGE_VIEW, context);
            busyPage = page;
        }
        return page;
    }
}
