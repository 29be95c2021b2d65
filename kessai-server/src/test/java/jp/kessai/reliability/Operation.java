package jp.kessai.reliability;

/**
 * One state-changing operation of one face, as the battery holds it: how a merchant calls it (the same request on
 * every retry), how its answer reads, how a client gets it wrong, and how many times the processor behind it executed
 * it according to the processor's own books. A new face or operation (ROBOT PAYMENT, tokens, 3-D Secure, the vault)
 * joins the battery as a new row of {@link Lifecycle}.
 */
interface Operation {

    /** What an answer tells a client that retries until the operation is done. */
    enum Verdict {
        /** Done, and this answer is the success answer. */
        ACKED,
        /** Done already (by another client's request, or settled by the reconciler): the face says so. */
        DONE_BEFORE,
        /** Not done now, may be retried: no answer (node down), busy, held, outcome unknown, database unavailable. */
        RETRY,
        /** Wrong: a 500, an unexpected system error, or a correct retry refused. */
        WRONG
    }

    record Result(Verdict verdict, Wire.Answer answer) {}

    /** {@code "idpass ExecTranJcbPreca"}, {@code "openapi /credit/charge"} … */
    String name();

    /** The face's status name of the order once this operation is done. */
    String statusAfter();

    /** One attempt, the same request every time for {@code payment}; records what the payment needs (AccessID …). */
    Result attempt(String baseUrl, Payment payment);

    /** How many times the processor executed this operation for {@code payment}, from the processor's own books. */
    long executions(Ledger ledger, Payment payment);

    /** A client mistake (a reused key with another body, a wrong AccessPass …). */
    Wire.Answer mistake(String baseUrl, Payment payment);

    /** Whether the mistake got the face's own refusal (never a 5xx, never a system error). */
    boolean refusedProperly(Wire.Answer answer);

    /** Whether every success answer for one payment must be byte-identical (Idempotency-Key replays). */
    default boolean replays() {
        return false;
    }
}
