package jp.kessai.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.kessai.it.KessaiProcess;

/**
 * What a run whose clients did not finish in time leaves to read, taken before they are interrupted: where each
 * payment still driven stands, what the database's sessions are doing and waiting for (and who blocks them), the
 * journal's unsettled rows, and the threads of each node that run Kessai's code or are blocked on a monitor (printed to
 * the test's output, which CI keeps for a failed run).
 */
final class Stall {

    private Stall() {}

    /**
     * Waits up to {@code limit} for every client of {@code clients} to finish; if they do not, the assertion fails with
     * {@code report}'s account, taken before they are interrupted.
     */
    static void awaitClients(ExecutorService clients, Duration limit, Supplier<String> report)
            throws InterruptedException {
        clients.shutdown();
        boolean finished = clients.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        String why = finished ? "" : report.get();
        if (!finished) {
            clients.shutdownNow(); // the report, not a wait for the stragglers
        }
        assertThat(finished).as("every client finished; %s", why).isTrue();
    }

    static String report(String test, Driver driver, Ledger ledger, KessaiProcess... nodes) {
        List<String> lines = new ArrayList<>();
        lines.add("still driven: " + driver.unfinished());
        lines.add("database sessions not idle: " + safely(() -> ledger.rows("""
                SELECT pid, application_name, state, wait_event_type || ':' || wait_event AS waiting,
                       pg_blocking_pids(pid)::text AS blocked_by, (now() - xact_start)::text AS in_transaction,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                  FROM pg_stat_activity
                 WHERE datname IS NOT NULL AND state <> 'idle' AND pid <> pg_backend_pid()
                 ORDER BY xact_start""")));
        lines.add("journal unsettled: " + safely(ledger::unsettled));
        String report = String.join("\n", lines);
        StringBuilder out = new StringBuilder("=== " + test + ": the clients did not finish in time ===\n" + report + "\n");
        for (KessaiProcess node : nodes) {
            out.append("--- threads of the node at ").append(node.baseUrl())
                    .append(" running Kessai's code or blocked ---\n");
            for (String thread : node.threadDump().split("\n\n")) {
                // Kessai's own code, and any thread blocked on a monitor (a carrier of virtual threads among them)
                if (thread.contains("jp.kessai.") || thread.contains(" BLOCKED ") || thread.startsWith("(no thread dump")) {
                    out.append(thread).append("\n\n");
                }
            }
        }
        System.out.print(out);
        return report;
    }

    /** What {@code read} found, or why it could not read (a database that is down is part of the picture). */
    private static String safely(Supplier<?> read) {
        try {
            return String.valueOf(read.get());
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
