package jp.kessai.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * After the storm: every payment's books checked against the processors' own ledgers. No operation executed twice,
 * no acknowledged operation missing, every success answer of one Idempotency-Key byte-identical, every payment
 * complete and its status as the face shows it that of its last operation, nothing left unsettled in the journal.
 */
final class Audit {

    private Audit() {}

    record Figures(long payments, long operations, long acknowledged) {}

    static List<String> check(Ledger ledger, String baseUrl, Iterable<Payment> payments, Figures[] figures) {
        List<String> problems = new ArrayList<>();
        long count = 0;
        long operations = 0;
        long acknowledged = 0;
        for (List<String> row : ledger.unsettled()) {
            problems.add("journal row left unsettled: " + row);
        }
        for (Payment p : payments) {
            count++;
            Operation last = null;
            for (Operation op : p.lifecycle.operations()) {
                long executions = op.executions(ledger, p);
                boolean done = p.done.contains(op.name());
                operations++;
                if (p.acked.containsKey(op.name())) {
                    acknowledged++;
                }
                if (executions > 1) {
                    problems.add(p + " " + op.name() + ": executed " + executions + " times");
                }
                if (done && executions != 1) {
                    problems.add(p + " " + op.name() + ": done for the client but executed " + executions + " times");
                }
                if (!done) {
                    problems.add(p + " " + op.name() + ": never done for the clients (executed " + executions + " times)");
                    break;
                }
                if (op.replays() && new HashSet<>(p.acked.getOrDefault(op.name(), List.of())).size() > 1) {
                    problems.add(p + " " + op.name() + ": replays differ: " + new HashSet<>(p.acked.get(op.name())));
                }
                last = op;
            }
            if (last == p.lifecycle.operations().getLast()) {
                String status = p.lifecycle.statusInKessai(baseUrl, p);
                if (!last.statusAfter().equals(status)) {
                    problems.add(p + ": status " + status + ", expected " + last.statusAfter());
                }
            }
        }
        if (figures != null) {
            figures[0] = new Figures(count, operations, acknowledged);
        }
        return problems;
    }
}
