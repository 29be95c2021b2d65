package jp.kessai.core.order;

import java.time.Duration;
import java.util.concurrent.Callable;
import jp.kessai.core.ResultCode;
import jp.kessai.processor.ProcessorCalls;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.ProcessorUnavailableException;
import org.springframework.stereotype.Component;

/**
 * The middle of the write-ahead sequence: call the processor under the deadline for a journaled attempt. A lost or
 * late answer is journaled UNKNOWN (the order stays held until reconciled); a refused connection is journaled FAILED
 * with the state table's failure state. Either way the caller gets the core result code; on an answer, the answer.
 */
@Component
public class JournaledCall {

    private final Orders orders;

    JournaledCall(Orders orders) {
        this.orders = orders;
    }

    /** The processor's answer, or the result code of a call that got none. */
    public record Outcome<T>(T answer, ResultCode failure) {
        public boolean answered() {
            return failure == null;
        }
    }

    public <T> Outcome<T> call(Attempt attempt, Duration deadline, OrderStatus failureState, Callable<T> call) {
        try {
            return new Outcome<>(ProcessorCalls.withDeadline(deadline, call), null);
        } catch (ProcessorOutcomeUnknownException e) {
            orders.finish(attempt, AttemptState.UNKNOWN, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name(), OrderChange.none());
            return new Outcome<>(null, ResultCode.PROCESSOR_OUTCOME_UNKNOWN);
        } catch (ProcessorUnavailableException e) {
            orders.finish(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_UNAVAILABLE.name(), OrderChange.toStatus(failureState));
            return new Outcome<>(null, ResultCode.PROCESSOR_UNAVAILABLE);
        }
    }
}
