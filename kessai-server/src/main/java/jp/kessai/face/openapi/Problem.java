package jp.kessai.face.openapi;

/**
 * One RFC 9457 problem as the OpenAPI type sends it: {@code title} from the catalogue, an English {@code detail}
 * (naming the parameter in parentheses where one is at fault), {@code instance} = the path. No {@code type}: Kessai
 * has no help pages.
 */
record Problem(ProblemTitle title, String detail) {

    static final String INVALID_VALUE = "The parameter value is invalid.";
    static final String MISSING = "Missing required request parameters.";
    static final String VALUE_NOT_ACCEPTED = "The value provided for parameter is invalid.";

    static Problem invalid(String field) {
        return new Problem(ProblemTitle.INVALID_PARAMETER, INVALID_VALUE + "(" + field + ")");
    }

    static Problem missing(String field) {
        return new Problem(ProblemTitle.MISSING_PARAMETER, MISSING + "(" + field + ")");
    }

    /** A well-formed value that names nothing this shop has (e.g. an unknown accessId). */
    static Problem notAccepted(String field) {
        return new Problem(ProblemTitle.INVALID_PARAMETER, VALUE_NOT_ACCEPTED + "(" + field + ")");
    }

    static Problem notYetSupported(String what, String field) {
        return new Problem(ProblemTitle.INVALID_PARAMETER, what + " is not yet supported by Kessai.(" + field + ")");
    }

    static Problem unauthorized() {
        return new Problem(ProblemTitle.UNAUTHORIZED_REQUEST, "The request is unauthorized.");
    }

    static Problem conflict() {
        return new Problem(ProblemTitle.CONFLICT, "Duplicate request.");
    }

    /**
     * Too many requests in progress: the shop's concurrency slots of the endpoint are taken, or the node has as many
     * requests in progress as it admits ({@code kessai.server.max-in-flight}). Nothing was done; retry.
     */
    static Problem tooManyRequests() {
        return new Problem(ProblemTitle.TOO_MANY_REQUESTS, "Too many concurrent requests.");
    }

    /** The database is unreachable (for instance while a standby is being promoted): nothing was done, retry. */
    static Problem serviceUnavailable() {
        return new Problem(ProblemTitle.SERVICE_UNAVAILABLE, "The service is temporarily unavailable. Please try again later.");
    }

    static Problem internalError() {
        return new Problem(ProblemTitle.INTERNAL_SERVER_ERROR, "An unexpected error has occurred.");
    }
}
