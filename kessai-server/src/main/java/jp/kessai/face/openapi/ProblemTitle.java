package jp.kessai.face.openapi;

/** The seed's error title catalogue (seed 003 エラーの情報), each with its HTTP status. */
enum ProblemTitle {
    INVALID_CONTRACT(400),
    INVALID_HEADER(400),
    INVALID_PARAMETER(400),
    INVALID_REQUEST(400),
    INVALID_STATUS(400),
    MISSING_PARAMETER(400),
    TRANSACTION_COUNT_EXCEEDED(400),
    TRANSACTION_EXPIRED(400),
    UNAUTHORIZED_REQUEST(401),
    OPERATION_ABORTED_BY_USER(402),
    CARD_DECLINED(402),
    INSUFFICIENT_BALANCE(402),
    AMOUNT_LIMIT_EXCEEDED(402),
    PROCESSING_FAILURE(402),
    RESOURCE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    INTERNAL_SERVER_ERROR(500),
    BAD_GATEWAY(502),
    MAINTENANCE(502),
    SERVICE_UNAVAILABLE(503);

    final int status;

    ProblemTitle(int status) {
        this.status = status;
    }

    /** The wire title, e.g. {@code invalid_parameter}. */
    String title() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
