package jp.kessai.core.order;

/** One row of a state table: (state before, operation, result) → state after. {@code from} is null for creation. */
public record Transition<S extends Enum<S>>(S from, Operation operation, Outcome outcome, S to) {

    /** The result column of a state table. */
    public enum Outcome {
        SUCCESS,
        FAILURE
    }
}
