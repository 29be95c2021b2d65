package jp.kessai.platform.web;

/**
 * Why a request was refused before (or outside) a face's endpoint: what Tomcat or Spring MVC decided, in terms a
 * face can map to its own codes.
 */
public enum Refusal {
    /** No endpoint at this path, or a request target that cannot name one ({@code %00}, an encoded slash …). */
    NOT_FOUND(404),
    /** The method is not one the endpoint serves (TRACE, refused by Tomcat itself; GET on a POST mapping …). */
    METHOD_NOT_ALLOWED(405),
    /** Tomcat refused the request's header section (NUL or bare CR, over the size limit, duplicate Content-Length …). */
    REJECTED_HEADERS(400),
    /** The request could not be read: a body shorter than its Content-Length, broken chunking, unreadable content. */
    UNREADABLE(400),
    /** The body is larger than the endpoint accepts. */
    BODY_TOO_LARGE(413),
    /** The Content-Type is not one the endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The Accept header asks for something the endpoint cannot produce. */
    NOT_ACCEPTABLE(406),
    /** Kessai is starting or stopping (Tomcat answers 503 while the application is not available). */
    UNAVAILABLE(503),
    /**
     * The node has as many requests in progress as it admits ({@code kessai.server.max-in-flight}): nothing of the
     * request was read or done; the same request may be sent again. Each face answers with its own "busy" code.
     */
    BUSY(503),
    /** Something failed inside Kessai. */
    SERVER_ERROR(500);

    /** The HTTP status this refusal had where it was made. */
    public final int status;

    Refusal(int status) {
        this.status = status;
    }

    /** The refusal a status set by Spring MVC or by a servlet stands for. */
    public static Refusal ofStatus(int status) {
        return switch (status) {
            case 404, 410 -> NOT_FOUND;
            case 405, 501 -> METHOD_NOT_ALLOWED;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 406 -> NOT_ACCEPTABLE;
            case 431 -> REJECTED_HEADERS;
            case 503 -> UNAVAILABLE;
            case 429 -> BUSY;
            default -> status >= 500 ? SERVER_ERROR : UNREADABLE;
        };
    }
}
