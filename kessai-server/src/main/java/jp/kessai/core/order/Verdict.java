package jp.kessai.core.order;

import jp.kessai.core.ResultCode;

/**
 * How an operation ended, as the pipeline records it: the state table's result column and the core result code.
 * Only an explicit answer is SUCCESS or FAILURE; a timeout, a lost answer or an exception is UNKNOWN.
 *
 * <p>{@code untouched}: a FAILURE the processor never acted on — it refused the connection, or, past the grace
 * period, its books show no trace of the call. Nothing happened, so the order stays in the state it was in before
 * the call (where the table's failure state differs from it — an authorisation after 3-D Secure, whose decline
 * leaves the order UNPROCESSED — the authentication still stands and the call may be made again). For every other
 * row of every table the failure state is the state before, so the two agree.
 */
public record Verdict(Transition.Outcome outcome, ResultCode code, boolean untouched) {

    public Verdict(Transition.Outcome outcome, ResultCode code) {
        this(outcome, code, false);
    }

    public static Verdict success() {
        return new Verdict(Transition.Outcome.SUCCESS, ResultCode.OK);
    }

    public static Verdict failure(ResultCode code) {
        return new Verdict(Transition.Outcome.FAILURE, code);
    }

    /** A FAILURE the processor never acted on: the order stays where it was (see the class comment). */
    public static Verdict untouched(ResultCode code) {
        return new Verdict(Transition.Outcome.FAILURE, code, true);
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
