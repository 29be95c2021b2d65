package jp.kessai.face.openapi;

/** The seed's error title catalogue (seed 003 エラーの情報), each with its HTTP status. */
enum ProblemTitle {
    INVALID_CONTRACT(400, "not covered by the shop's contract"),
    INVALID_HEADER(400, "a request header is invalid"),
    INVALID_PARAMETER(400, "a request parameter is invalid"),
    INVALID_REQUEST(400, "the request is invalid"),
    INVALID_STATUS(400, "not allowed in the transaction's status"),
    MISSING_PARAMETER(400, "a required parameter is missing"),
    TRANSACTION_COUNT_EXCEEDED(400, "too many operations on the transaction"),
    TRANSACTION_EXPIRED(400, "the transaction expired"),
    UNAUTHORIZED_REQUEST(401, "authentication failed"),
    OPERATION_ABORTED_BY_USER(402, "the customer aborted"),
    CARD_DECLINED(402, "the card was declined"),
    INSUFFICIENT_BALANCE(402, "insufficient balance"),
    AMOUNT_LIMIT_EXCEEDED(402, "the amount limit was exceeded"),
    PROCESSING_FAILURE(402, "the processor failed the payment"),
    RESOURCE_NOT_FOUND(404, "no such resource"),
    METHOD_NOT_ALLOWED(405, "the HTTP method is not allowed"),
    CONFLICT(409, "conflicts with a request in progress"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported Content-Type"),
    TOO_MANY_REQUESTS(429, "too many concurrent requests"),
    INTERNAL_SERVER_ERROR(500, "unexpected failure inside Kessai"),
    BAD_GATEWAY(502, "the processor is unreachable or its outcome is unknown"),
    MAINTENANCE(502, "the processor is in maintenance"),
    SERVICE_UNAVAILABLE(503, "temporarily unavailable (database)");

    final int status;
    /** A few words for the request log. */
    final String meaning;

    ProblemTitle(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    /** The title of a wire title ({@code card_declined}), if it is one. */
    static java.util.Optional<ProblemTitle> ofTitle(String title) {
        for (ProblemTitle candidate : values()) {
            if (candidate.title().equals(title)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The wire title, e.g. {@code invalid_parameter}. */
    String title() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
