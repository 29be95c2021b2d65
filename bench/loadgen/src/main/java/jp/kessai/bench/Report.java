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
        List<Map<String, Object>> na = new ArrayList<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(a.get("in")), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            switch (String.valueOf(m.getOrDefault("kind", "phase"))) {
                case "pgbench" -> pgbench.add(m);
                case "na" -> na.add(m);
                case "meta" -> meta.putAll(m);
                default -> phases.add(m);
            }
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format("%-4s %-15s %-7s %9s %9s %8s %8s %8s %7s %8s %8s %7s%n", "wl", "target", "mode", "op/s",
                "http/s", "p50 ms", "p99 ms", "p99.9", "errors", "cpu s/1k", "db s/1k", "RSS MB"));
        for (var p : phases) {
            double ops = num(p, "opsPerSec");
            t.append(String.format("%-4s %-15s %-7s %9.1f %9.1f %8s %8s %8s %7s %8s %8s %7s%n", p.get("workload"),
                    p.get("target"), p.get("mode"), ops, ops * num(p, "httpPerOp"), f(p.get("p50Ms")),
                    f(p.get("p99Ms")), f(p.get("p999Ms")), f(p.get("errors")), f(p.get("cpuSecPer1kOps")),
                    f(p.get("dbCpuSecPer1kOps")), f(p.get("rssMb"))));
        }
        for (var b : pgbench) {
            t.append(String.format("%-4s %-15s %-7s %9.1f %9s %8s %8s %8s %7s %8s %8s %7s%n", b.get("workload"),
                    Boolean.TRUE.equals(b.get("aborted")) ? "B3 ABORTED" : "B3 pgbench", "c=" + f(b.get("clients")),
                    num(b, "tps"), "-", f(b.get("latencyAvgMs")) + "avg",
                    "-", "-", f(b.get("failed")), "-", f(b.get("dbCpuSecPer1kOps")), "-"));
        }
        for (var n : na) {
            t.append(String.format("%-4s %s: %s%n", n.get("workload"), n.get("what"), n.get("reason")));
        }
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (String wl : List.of("W1", "W2", "W3")) {
            Map<String, Object> k = phase(phases, wl, "kessai", "closed");
            if (k == null) {
                continue;
            }
            ratio(ratios, wl + "/B1 (WireMock)", k, phase(phases, wl, "wiremock", "closed"), 1.5);
            Map<String, Object> b3 = pgbench.stream().filter(b -> wl.equals(b.get("workload"))).findFirst().orElse(null);
            if (b3 != null) {
                Map<String, Object> b = new LinkedHashMap<>(b3);
                b.put("opsPerSec", b3.get("tps"));
                ratio(ratios, wl + "/B3 (pgbench)", k, b, 0.6);
            }
            ratio(ratios, wl + "/B2 (hello)", k, phase(phases, wl, "hello", "closed"), null);
            ratio(ratios, wl + " sync on/off (B4)", k, phase(phases, wl, "kessai-syncoff", "closed"),
                    wl.equals("W3") ? null : 0.8);
            Map<String, Object> half = phase(phases, wl, "kessai", "open50");
            if (half != null && half.get("p99Ms") != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", wl + " p99 at 50% of peak (ms)");
                r.put("value", num(half, "p99Ms"));
                r.put("target", "<= 10");
                r.put("met", num(half, "p99Ms") <= 10);
                ratios.add(r);
            }
        }
        t.append(String.format("%nratios (Kessai peak op/s over the baseline's, same invocation)%n"));
        for (var r : ratios) {
            t.append(String.format("  %-34s %8.3f   target %-6s %s%n", r.get("name"), num(r, "value"),
                    r.get("target") == null ? "-" : r.get("target"),
                    r.get("invalid") != null ? "INVALID: " + r.get("invalid")
                            : r.get("met") == null ? "" : ((Boolean) r.get("met") ? "met" : "NOT met")));
        }
        System.out.print(t);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("meta", meta);
        doc.put("phases", phases);
        doc.put("pgbench", pgbench);
        doc.put("notAvailable", na);
        doc.put("ratios", ratios);
        doc.put("table", t.toString());
        Files.writeString(Path.of(a.get("out")), Json.pretty(doc) + "\n", StandardCharsets.UTF_8);
    }

    static void ratio(List<Map<String, Object>> out, String name, Map<String, Object> kessai, Map<String, Object> base,
            Double target) {
        if (base == null || num(base, "opsPerSec") <= 0) {
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        double v = num(kessai, "opsPerSec") / num(base, "opsPerSec");
        r.put("value", Math.round(v * 1000) / 1000.0);
        r.put("target", target == null ? null : ">= " + target);
        String invalid = failing(kessai) ? "Kessai's phase had errors" : failing(base) ? "the baseline had errors" : null;
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
