package jp.kessai.face.openapi;

/**
 * An OpenAPI answer: status and body (JSON text). {@code problem} marks application/problem+json.
 * {@code unknownOutcomeAccessId} is set when the processor's outcome is unknown, so that a retry with the same
 * Idempotency-Key resumes that transaction instead of processing again.
 */
record Reply(int status, String body, boolean problem, String unknownOutcomeAccessId) {

    static Reply json(int status, String body) {
        return new Reply(status, body, false, null);
    }
}
