package jp.kessai.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one operation costs the database, measured rather than read from the SQL: N operations run one after the
 * other on one connection, and the deltas of PostgreSQL's own counters over the batch are divided by N.
 *
 * <ul>
 *   <li>{@code xactPerOp}: pg_stat_database xact_commit + xact_rollback. Every transaction counts, read-only
 *   autocommit SELECTs included, so this is at least the number of commits.</li>
 *   <li>{@code walSyncPerOp}: pg_stat_wal wal_sync, the WAL fsyncs. With one operation at a time there is no group
 *   commit, so this is the number of durable (writing) commits an operation waits for.</li>
 *   <li>{@code walRecordsPerOp}, {@code walBytesPerOp}: pg_stat_wal wal_records and wal_bytes.</li>
 * </ul>
 * The counters are read with psql; its own session adds one transaction per reading, which is subtracted. Background
 * work during the batch (Kessai's pollers, autovacuum) is included: the batch is long enough for it to be noise.
 *
 * <pre>count --base URL --workload W1|W2|W3 --ops N --pg-port P --pg-password-file F [--shops FILE] --out results.jsonl</pre>
 */
final class OpCount {

    private OpCount() {
    }

    static void main(Map<String, String> a) throws Exception {
        URI base = URI.create(a.get("base"));
        Workload w = Workload.of(a.get("workload"), base, Integer.parseInt(a.getOrDefault("cards", "64")));
        int ops = Integer.parseInt(a.getOrDefault("ops", "200"));
        List<Workload.Shop> shops = LoadGen.shops(a);
        Workload.Shop shop = shops.get(0);
        try (Http http = new Http(base)) {
            w.prepare(http, List.of(shop));
            for (int i = 0; i < 10; i++) {
                w.run(http, shop); // warm
            }
            Thread.sleep(1200); // PostgreSQL 14 sends its statistics at most every 500 ms
            long[] before = counters(a);
            for (int i = 0; i < ops; i++) {
                w.run(http, shop);
            }
            Thread.sleep(1200);
            long[] after = counters(a);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", "perop");
            r.put("workload", w.name());
            r.put("ops", ops);
            r.put("xactPerOp", LoadGen.round((after[0] - before[0] - 1) / (double) ops));
            r.put("walSyncPerOp", LoadGen.round((after[1] - before[1]) / (double) ops));
            r.put("walRecordsPerOp", LoadGen.round((after[2] - before[2]) / (double) ops));
            r.put("walBytesPerOp", LoadGen.round((after[3] - before[3]) / (double) ops));
            Files.writeString(Path.of(a.get("out")), Json.write(r) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.printf("  %s per operation (%d one at a time): %.2f transactions, %.2f WAL fsyncs, %.1f WAL records,"
                    + " %.0f WAL bytes%n", w.name(), ops, r.get("xactPerOp"), r.get("walSyncPerOp"),
                    r.get("walRecordsPerOp"), r.get("walBytesPerOp"));
        }
    }

    /** xact_commit + xact_rollback of the database, wal_sync, wal_records, wal_bytes. */
    static long[] counters(Map<String, String> a) throws Exception {
        var pb = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", a.get("pg-port"), "-U", "postgres", "-d",
                "postgres", "-At", "-F", " ", "-c",
                "SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),"
                        + " wal_sync, wal_records, wal_bytes FROM pg_stat_wal");
        pb.environment().put("PGPASSWORD", Files.readString(Path.of(a.get("pg-password-file"))).strip());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        String[] f = out.split(" ");
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Long.parseLong(f[i]);
        }
        return v;
    }
}
