package jp.kessai.core.order;

import jp.kessai.core.ResultCode;

/**
 * How an operation ended, as the pipeline records it: the state table's result column and the core result code.
 * Only an explicit answer is SUCCESS or FAILURE; a timeout, a lost answer or an exception is UNKNOWN.
 */
public record Verdict(Transition.Outcome outcome, ResultCode code) {

    public static Verdict success() {
        return new Verdict(Transition.Outcome.SUCCESS, ResultCode.OK);
    }

    public static Verdict failure(ResultCode code) {
        return new Verdict(Transition.Outcome.FAILURE, code);
    }

    public static Verdict unknown() {
        return new Verdict(Transition.Outcome.UNKNOWN, ResultCode.PROCESSOR_OUTCOME_UNKNOWN);
    }

    public AttemptState attemptState() {
        return switch (outcome) {
            case SUCCESS -> AttemptState.SUCCEEDED;
            case FAILURE -> AttemptState.FAILED;
            case UNKNOWN, PENDING -> AttemptState.UNKNOWN;
        };
    }
}
