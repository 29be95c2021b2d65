package jp.kessai.core.order;

import java.util.function.Function;
import jp.kessai.core.ResultCode;

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

    /**
     * Why the claim was refused when {@link #atClaim} said no: {@link ResultCode#OPERATION_IN_PROGRESS} (another
     * request holds what this one needs) unless the participant knows better (e.g. a token spent meanwhile).
     */
    default ResultCode refusal() {
        return ResultCode.OPERATION_IN_PROGRESS;
    }

    /**
     * This participant fed with what {@code map} makes of another result type: the claim and the refusal are its
     * own, the finish hands it {@code map.apply(result)} (e.g. a face's record of a core outcome, joined to a step's run).
     * {@code map} runs in the finish transaction, so what it writes (a flow's end, the vault's work) commits with it.
     */
    default <S> Participant<S> mapping(Function<? super S, ? extends R> map) {
        Participant<R> inner = this;
        return new Participant<>() {
            @Override
            public boolean atClaim() {
                return inner.atClaim();
            }

            @Override
            public ResultCode refusal() {
                return inner.refusal();
            }

            @Override
            public void atFinish(S result) {
                inner.atFinish(map.apply(result));
            }
        };
    }

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
