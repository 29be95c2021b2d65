package jp.kessai.core.order;

import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.processor.ProcessorUnavailableException;

/**
 * One state-changing operation of one payment method, as the {@link OperationRunner} runs it: what to call, how to
 * classify the answer, and what to write at claim and at finish. The sequence itself (state table check, claim,
 * call under the deadline, finish) is written once, in the runner.
 *
 * @param <A> the processor's answer
 * @param <D> what the step's finish writes and hands back (e.g. the detail row as updated), or {@code Void}
 */
public interface OperationStep<A, D> {

    Operation operation();

    /** The payment method's state table. */
    StateTable<OrderStatus> table();

    /** The reference the processor knows this call by (journaled before the call, used by the reconciler). */
    String processorRef();

    Duration deadline();

    /** What success changes on the order besides its state (journaled at claim, so the reconciler can apply it). */
    default OrderChange onSuccess() {
        return OrderChange.none();
    }

    /** The processor call. Any exception other than {@link ProcessorUnavailableException} makes the outcome UNKNOWN. */
    A call() throws Exception;

    /** An explicit answer as SUCCESS or FAILURE with its result code. */
    Verdict classify(A answer);

    /** The result code of a processor that refused the connection (nothing happened there). */
    default ResultCode unavailable(ProcessorUnavailableException e) {
        return ResultCode.PROCESSOR_UNAVAILABLE;
    }

    /** Detail rows written in the claim transaction (only by the request that wins the claim). */
    default void atClaim(long orderPk) {}

    /** Detail rows written in the finish transaction; {@code answer} is null unless the processor answered. */
    default D atFinish(Order order, Verdict verdict, A answer) {
        return null;
    }
}
