package jp.kessai.face.openapi;

import java.util.function.Function;
import jp.kessai.core.order.Participant;

/**
 * The Idempotency-Key record of one request, joined to the core's pipeline: a fresh key is inserted in the claim
 * transaction and completed (the stored answer, UNKNOWN, or deleted after a failure) in the finish transaction, so
 * it costs no commit of its own. {@link #NONE} is a request without a key.
 */
final class IdempotentRequest {

    static final IdempotentRequest NONE = new IdempotentRequest(null, 0, null, null, null, false);

    private final IdempotencyKeys keys;
    private final long shopPk;
    private final String key;
    private final String endpoint;
    private final byte[] requestHash;
    /** Whether the key's row exists and belongs to this request. */
    private boolean recorded;
    /** Whether another request took the key between the check and the claim. */
    private boolean refused;
    /** The answer stored with the finish, when the pipeline finished this request. */
    private Reply completed;

    IdempotentRequest(IdempotencyKeys keys, long shopPk, String key, String endpoint, byte[] requestHash,
            boolean recorded) {
        this.keys = keys;
        this.shopPk = shopPk;
        this.key = key;
        this.endpoint = endpoint;
        this.requestHash = requestHash;
        this.recorded = recorded;
    }

    /** The participant that writes this key with the core's claim and finish; {@code render} makes the answer. */
    <T> Participant<T> joining(Function<T, Reply> render) {
        if (keys == null) {
            return Participant.none();
        }
        return new Participant<>() {
            @Override
            public boolean atClaim() {
                if (!recorded && !keys.insertInFlight(shopPk, key, endpoint, requestHash)) {
                    refused = true;
                    return false;
                }
                recorded = true;
                return true;
            }

            @Override
            public void atFinish(T result) {
                Reply reply = render.apply(result);
                keys.complete(shopPk, key, reply);
                completed = reply;
            }
        };
    }

    /** The answer: the one stored with the finish, else {@code render}'s. */
    <T> Reply answer(T result, Function<T, Reply> render) {
        return completed != null ? completed : render.apply(result);
    }

    boolean recorded() {
        return recorded;
    }

    boolean refused() {
        return refused;
    }

    boolean completed() {
        return completed != null;
    }

    long shopPk() {
        return shopPk;
    }

    String key() {
        return key;
    }
}
