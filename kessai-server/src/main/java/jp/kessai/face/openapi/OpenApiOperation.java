package jp.kessai.face.openapi;

/** One OpenAPI endpoint behind the shared platform (auth, limits, idempotency, versions, errors). */
interface OpenApiOperation {

    /** The endpoint path, e.g. {@code /credit/charge}. */
    String path();

    /** Whether the endpoint declares the Idempotency-Key header (reference §2). */
    boolean idempotent();

    Reply handle(OpenApiCall call);

    /**
     * A retry (same Idempotency-Key, same body) of a request whose processor outcome was unknown. The default
     * processes it again, which is safe when the core refuses a second run; endpoints that can answer from the
     * settled transaction override it.
     */
    default Reply resume(OpenApiCall call, String accessId) {
        return handle(call);
    }
}
