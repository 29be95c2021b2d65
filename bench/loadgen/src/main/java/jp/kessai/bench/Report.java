package jp.kessai.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the run's result lines, prints one table plus the ratios, and writes them all as one JSON document. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static void main(Map<String, String> a) throws Exception {
        List<Map<String, Object>> phases = new ArrayList<>();
        List<Map<String, Object>> pgbench = new ArrayList<>();
        List<Map<String, Object>> perOp = new ArrayList<>();
        List<Map<String, Object>> na = new ArrayList<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> rss = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(a.get("in")), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            switch (String.valueOf(m.getOrDefault("kind", "phase"))) {
                case "pgbench" -> pgbench.add(m);
                case "perop" -> perOp.add(m);
                case "na" -> na.add(m);
                case "meta" -> meta.putAll(m);
                case "rss" -> rss.putAll(m);
                default -> phases.add(m);
            }
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format("%-4s %-15s %-7s %6s %9s %9s %8s %8s %8s %7s %8s %8s %7s%n", "wl", "target", "mode",
                "c/shop", "op/s", "http/s", "p50 ms", "p99 ms", "p99.9", "errors", "cpu s/1k", "db s/1k", "RSS MB"));
        for (var p : phases) {
            double ops = num(p, "opsPerSec");
            t.append(String.format("%-4s %-15s %-7s %6s %9.1f %9.1f %8s %8s %8s %7s %8s %8s %7s%n", p.get("workload"),
                    p.get("target"), p.get("mode"), f(p.get("conns")) + "/" + f(p.getOrDefault("shops", 1.0)), ops,
                    ops * num(p, "httpPerOp"), f(p.get("p50Ms")), f(p.get("p99Ms")), f(p.get("p999Ms")),
                    f(p.get("errors")), f(p.get("cpuSecPer1kOps")), f(p.get("dbCpuSecPer1kOps")), f(p.get("rssMb"))));
        }
        for (var b : pgbench) {
            boolean b5 = "B5".equals(b.get("workload"));
            t.append(String.format("%-4s %-15s %-7s %6s %9.1f %9s %8s %8s %8s %7s %8s %8s %7s%n",
                    b5 ? "W1" : b.get("workload"),
                    Boolean.TRUE.equals(b.get("aborted")) ? (b5 ? "B5 ABORTED" : "B3 ABORTED")
                            : b5 ? "B5 min charge" : "B3 pgbench", "pgbench", f(b.get("clients")), num(b, "tps"), "-",
                    f(b.get("latencyAvgMs")) + "avg", "-", "-", f(b.get("failed")), "-", f(b.get("dbCpuSecPer1kOps")), "-"));
        }
        for (var n : na) {
            t.append(String.format("%-4s %s: %s%n", n.get("workload"), n.get("what"), n.get("reason")));
        }

        t.append(String.format("%nper operation: captured SQL (one operation, log_statement=all) and PostgreSQL's counters"
                + " over N operations one at a time%n"));
        t.append(String.format("  %-4s %10s %8s %8s %10s %10s %10s %10s%n", "wl", "statements", "Kessai's", "commits",
                "xact/op", "fsync/op", "WAL rec/op", "WAL B/op"));
        for (String wl : List.of("W1", "W2", "W3", "B5")) {
            Map<String, Object> cap = pgbench.stream().filter(b -> wl.equals(b.get("workload")))
                    .map(b -> (Map<String, Object>) b.get("capture")).filter(c -> c != null && c.containsKey("statements"))
                    .findFirst().orElse(null);
            Map<String, Object> po = perOp.stream().filter(x -> wl.equals(x.get("workload"))).findFirst().orElse(null);
            if (cap == null && po == null) {
                continue;
            }
            String commits = cap == null ? "-" : f(num(cap, "transactions") + num(cap, "autocommitWrites"));
            // statements without BEGIN/COMMIT: all of them, and Kessai's own (without the in-process simulator's)
            Object all = cap == null ? "-" : f(cap.containsKey("sql") ? cap.get("sql") : cap.get("statements"));
            Object own = cap == null ? "-" : f(cap.containsKey("kessaiSql") ? cap.get("kessaiSql") : cap.get("statements"));
            t.append(String.format("  %-4s %10s %8s %8s %10s %10s %10s %10s%n", wl, all, own,
                    commits, po == null ? "-" : f(po.get("xactPerOp")), po == null ? "-" : f(po.get("walSyncPerOp")),
                    po == null ? "-" : f(po.get("walRecordsPerOp")), po == null ? "-" : f(po.get("walBytesPerOp"))));
        }
        t.append(String.format("  (statements without BEGIN/COMMIT, all and Kessai's own: without the in-process"
                + " simulator's; commits = explicit transactions + autocommit writes;"
                + " xact/op counts read-only transactions too; fsync/op = pg_stat_wal wal_sync)%n"));

        List<Map<String, Object>> ratios = new ArrayList<>();
        for (String wl : List.of("W1", "W2", "W3")) {
            Map<String, Object> k = phase(phases, wl, "kessai", "closed");
            if (k == null) {
                continue;
            }
            ratio(ratios, wl + "/B1 (WireMock)", k, phase(phases, wl, "wiremock", "closed"), wl.equals("W1") ? 0.5 : null);
            ratio(ratios, wl + "/B2 (hello)", k, phase(phases, wl, "hello", "closed"), null);
            ratio(ratios, wl + "/B3 (pgbench, its SQL)", k, asPhase(pgbench, wl), null);
            if (wl.equals("W1")) {
                ratio(ratios, "W1/B5 (minimal durable charge)", k, asPhase(pgbench, "B5"), 0.7);
            }
            ratio(ratios, wl + " sync on/off (B4)", k, phase(phases, wl, "kessai-syncoff", "closed"),
                    wl.equals("W1") ? 0.8 : null);
            ratio(ratios, wl + " one shop/many shops", phase(phases, wl, "kessai-1shop", "closed"), k, null);
            Map<String, Object> half = phase(phases, wl, "kessai", "open50");
            if (half != null && half.get("p99Ms") != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", wl + " p99 at 50% of peak (ms)");
                r.put("value", num(half, "p99Ms"));
                r.put("target", "<= 10");
                if (failing(half)) {
                    r.put("invalid", "the phase had errors");
                    r.put("met", null);
                } else {
                    r.put("met", num(half, "p99Ms") <= 10);
                }
                ratios.add(r);
            }
            if (!wl.equals("W2")) {
                ratio(ratios, wl + " at " + preloadLabel(meta) + " / empty", phase(phases, wl, "kessai-preload", "closed"),
                        k, 0.9);
            }
        }
        double rssPeak = phases.stream().filter(p -> String.valueOf(p.get("target")).startsWith("kessai"))
                .mapToDouble(p -> num(p, "rssPeakMb")).max().orElse(0);
        rssPeak = Math.max(rssPeak, num(rss, "rssPeakMb"));
        if (rssPeak > 0) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", "Kessai RSS, peak (MB)");
            r.put("value", Math.round(rssPeak * 10) / 10.0);
            r.put("target", "<= 512");
            r.put("met", rssPeak <= 512);
            ratios.add(r);
        }
        // every target of the issue is printed, also when a phase it needs did not run
        String preloaded = preloadLabel(meta);
        for (String[] target : new String[][] {{"W1/B1 (WireMock)", ">= 0.5"},
                {"W1/B5 (minimal durable charge)", ">= 0.7"}, {"W1 sync on/off (B4)", ">= 0.8"},
                {"W1 p99 at 50% of peak (ms)", "<= 10"}, {"W2 p99 at 50% of peak (ms)", "<= 10"},
                {"W3 p99 at 50% of peak (ms)", "<= 10"}, {"W1 at " + preloaded + " / empty", ">= 0.9"},
                {"W3 at " + preloaded + " / empty", ">= 0.9"}, {"Kessai RSS, peak (MB)", "<= 512"}}) {
            if (ratios.stream().noneMatch(r -> target[0].equals(r.get("name")))) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", target[0]);
                r.put("value", null);
                r.put("target", target[1]);
                r.put("met", null);
                r.put("invalid", "not measured in this run");
                ratios.add(r);
            }
        }
        t.append(String.format("%nratios (Kessai's closed-loop op/s over the other's, same invocation) and targets%n"));
        for (var r : ratios) {
            t.append(String.format("  %-38s %8s   target %-6s %s%n", r.get("name"),
                    r.get("value") == null ? "-" : String.format("%.3f", num(r, "value")),
                    r.get("target") == null ? "-" : r.get("target"),
                    r.get("invalid") != null ? "INVALID: " + r.get("invalid")
                            : r.get("met") == null ? "" : ((Boolean) r.get("met") ? "met" : "NOT met")));
        }
        System.out.print(t);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("meta", meta);
        doc.put("phases", phases);
        doc.put("pgbench", pgbench);
        doc.put("perOperation", perOp);
        doc.put("rss", rss);
        doc.put("notAvailable", na);
        doc.put("ratios", ratios);
        doc.put("table", t.toString());
        Files.writeString(Path.of(a.get("out")), Json.pretty(doc) + "\n", StandardCharsets.UTF_8);
    }

    static String preloadLabel(Map<String, Object> meta) {
        double n = num(meta, "preloadOrders");
        return n >= 1_000_000 && n % 1_000_000 == 0 ? (long) (n / 1_000_000) + "M orders"
                : (long) n + " orders";
    }

    /** A pgbench line as a phase, so that ratio() and failing() read it. */
    static Map<String, Object> asPhase(List<Map<String, Object>> pgbench, String workload) {
        Map<String, Object> b = pgbench.stream().filter(x -> workload.equals(x.get("workload"))).findFirst().orElse(null);
        if (b == null) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>(b);
        p.put("opsPerSec", b.get("tps"));
        return p;
    }

    static void ratio(List<Map<String, Object>> out, String name, Map<String, Object> kessai, Map<String, Object> base,
            Double target) {
        if (kessai == null || base == null || num(base, "opsPerSec") <= 0) {
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        double v = num(kessai, "opsPerSec") / num(base, "opsPerSec");
        r.put("value", Math.round(v * 1000) / 1000.0);
        r.put("target", target == null ? null : ">= " + target);
        String invalid = failing(kessai) ? "the first phase had errors" : failing(base) ? "the second had errors" : null;
        if (invalid != null) {
            r.put("invalid", invalid);
            r.put("met", null);
        } else {
            r.put("met", target == null ? null : v >= target);
        }
        out.add(r);
    }

    /** More than 1 % of the operations failed (or pgbench aborted): the phase's throughput is not comparable. */
    static boolean failing(Map<String, Object> phase) {
        if (Boolean.TRUE.equals(phase.get("aborted"))) {
            return true;
        }
        double errors = num(phase, "errors") + num(phase, "failed");
        double ops = num(phase, "ops") + num(phase, "transactions");
        return errors > 0.01 * (ops + errors);
    }

    static Map<String, Object> phase(List<Map<String, Object>> phases, String wl, String target, String mode) {
        return phases.stream().filter(p -> wl.equals(p.get("workload")) && target.equals(p.get("target"))
                && mode.equals(p.get("mode"))).reduce((x, y) -> y).orElse(null);
    }

    static double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    static String f(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString(d.longValue()) : String.format("%.2f", d);
        }
        return v.toString();
    }
}
