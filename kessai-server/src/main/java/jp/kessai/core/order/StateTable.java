package jp.kessai.core.order;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A payment method's state machine as data. A move not listed is rejected. {@link #render()} prints the table in
 * the seed's column order so a reviewer can hold it against the 取引状態遷移表; PENDING and UNKNOWN rows are the
 * order held by an operation in flight or waiting for the reconciler.
 */
public record StateTable<S extends Enum<S>>(String name, List<Transition<S>> transitions) {

    public StateTable {
        transitions = List.copyOf(transitions);
    }

    /** Whether {@code operation} may start from {@code state} at all. */
    public boolean allows(S state, Operation operation) {
        return transitions.stream().anyMatch(t -> t.operation() == operation && t.from() == state);
    }

    public Optional<S> next(S state, Operation operation, Transition.Outcome outcome) {
        return transitions.stream()
                .filter(t -> t.operation() == operation && t.from() == state && t.outcome() == outcome)
                .map(Transition::to)
                .findFirst();
    }

    /** The states {@code operation} may start from (e.g. the orders an expiry sweep may move). */
    public Set<S> sourcesOf(Operation operation) {
        return transitions.stream().filter(t -> t.operation() == operation && t.from() != null)
                .map(Transition::from).collect(Collectors.toUnmodifiableSet());
    }

    public String render() {
        String header = name + "\n| operation | result | before | after |\n|---|---|---|---|\n";
        return header + transitions.stream()
                .map(t -> "| %s | %s | %s | %s |".formatted(t.operation(), t.outcome() == null ? "—" : t.outcome(),
                        t.from() == null ? "—" : t.from(), t.to() + held(t)))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String held(Transition<?> t) {
        return t.outcome() == Transition.Outcome.PENDING ? " (held: call in flight)"
                : t.outcome() == Transition.Outcome.UNKNOWN ? " (held until reconciled)" : "";
    }
}
