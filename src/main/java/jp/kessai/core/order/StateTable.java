package jp.kessai.core.order;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A payment method's state machine as data. A move not listed is rejected. {@link #render()} prints the table in
 * the seed's column order so a reviewer can hold it against the 取引状態遷移表.
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

    public String render() {
        String header = name + "\n| operation | result | before | after |\n|---|---|---|---|\n";
        return header + transitions.stream()
                .map(t -> "| %s | %s | %s | %s |".formatted(t.operation(), t.outcome() == null ? "—" : t.outcome(),
                        t.from() == null ? "—" : t.from(), t.to()))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
