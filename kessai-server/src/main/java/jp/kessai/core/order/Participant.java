package jp.kessai.core.order;

/**
 * Something outside the order that must commit with its claim and with its finish, such as a face's idempotency
 * record: it is written in the claim transaction and completed in the finish transaction, so a request costs no
 * commit of its own.
 *
 * @param <R> what the finish hands the participant (the operation's result)
 */
public interface Participant<R> {

    /** In the claim transaction. False aborts the claim (e.g. another request took the same idempotency key). */
    boolean atClaim();

    /** In the finish transaction, with the operation's result. */
    void atFinish(R result);

    static <R> Participant<R> none() {
        return new Participant<>() {
            @Override
            public boolean atClaim() {
                return true;
            }

            @Override
            public void atFinish(R result) {}
        };
    }
}
