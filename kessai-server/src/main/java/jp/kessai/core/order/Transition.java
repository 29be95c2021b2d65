package jp.kessai.core.order;

import java.util.List;

/**
 * One row of a state table: (state before, operation, result) → state after. {@code from} is null for creation;
 * {@code outcome} is null for a move that calls no processor (e.g. the customer reaching a payment page).
 */
public record Transition<S extends Enum<S>>(S from, Operation operation, Outcome outcome, S to) {

    /**
     * The result column of a state table. PENDING is the order while its processor call is in flight (claimed, held
     * against every other operation); UNKNOWN is the order after a call whose answer never came (a timeout, a lost
     * answer, an exception): it stays held in its state until the reconciler settles it as SUCCESS or FAILURE.
     */
    public enum Outcome {
        PENDING,
        SUCCESS,
        FAILURE,
        UNKNOWN
    }

    /**
     * The four rows of an operation that calls a processor: PENDING and UNKNOWN hold the order in {@code from},
     * SUCCESS and FAILURE move it as the seed's table says.
     */
    public static <S extends Enum<S>> List<Transition<S>> processorCall(S from, Operation operation, S onSuccess,
            S onFailure) {
        return List.of(
                new Transition<>(from, operation, Outcome.PENDING, from),
                new Transition<>(from, operation, Outcome.SUCCESS, onSuccess),
                new Transition<>(from, operation, Outcome.FAILURE, onFailure),
                new Transition<>(from, operation, Outcome.UNKNOWN, from));
    }
}
