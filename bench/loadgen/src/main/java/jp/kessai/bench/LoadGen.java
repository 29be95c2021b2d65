package jp.kessai.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator. Subcommands:
 * <pre>
 *   probe   --base URL                     exit 0 when the server serves POST /credit/charge (the openapi face), 3 if not
 *   shops   --base URL --count N --out FILE  creates N sandbox shops (POST /sandbox/shops): "ShopID ShopPass" lines
 *   cards   --base URL --count N           creates N sandbox JCB Preca cards with 99,999,999 yen each (W2's pool)
 *   stubs   --base URL --dir DIR [--openapi true|false]  captures one real answer per endpoint for B1 and B2
 *   wiremock-mappings --dir DIR --out DIR   turns those answers into WireMock stub mappings
 *   run     --base URL --workload W1|W2|W3|HELLO --target NAME --warmup S --duration S
 *           (--conns N | --shops FILE --conns-per-shop K) [--preloaded N]
 *           [--open 0.5,0.8] [--pid PID] [--pg-pid-file FILE] [--clk-tck 100] --out results.jsonl
 *   count   --base URL --workload W --ops N --pg-port P --pg-password-file F --shops FILE --out results.jsonl
 *           runs N operations one after the other and writes the database's transactions, WAL fsyncs and WAL
 *           records per operation (pg_stat_database, pg_stat_wal deltas)
 *   capture-sql ...                        see SqlCapture
 *   report  --in results.jsonl --out results.json
 *   jfr-summary --file kessai.jfr          where the time went, from a flight recording
 * </pre>
 * Closed loop: N connections, each sending its next operation when the previous one answered (peak throughput).
 * Open loop: operations start at a fixed arrival rate whatever the server does, and latency is measured from each
 * operation's intended start time, so a stall counts against every operation it delayed (no coordinated omission).
 */
public final class LoadGen {

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: LoadGen probe|cards|stubs|wiremock-mappings|run|capture-sql|report ...");
            System.exit(2);
        }
        Map<String, String> a = args(argv);
        switch (argv[0]) {
            case "probe" -> System.exit(probe(URI.create(a.get("base"))) ? 0 : 3);
            case "shops" -> shops(URI.create(a.get("base")), Integer.parseInt(a.get("count")),
                    a.getOrDefault("prefix", "tbench"), Path.of(a.get("out")));
            case "count" -> OpCount.main(a);
            case "cards" -> cards(URI.create(a.get("base")), Integer.parseInt(a.getOrDefault("count", "64")));
            case "stubs" -> stubs(URI.create(a.get("base")), Path.of(a.get("dir")),
                    Boolean.parseBoolean(a.getOrDefault("openapi", "true")));
            case "wiremock-mappings" -> wiremockMappings(Path.of(a.get("dir")), Path.of(a.get("out")));
            case "run" -> run(a);
            case "capture-sql" -> SqlCapture.main(a);
            case "report" -> Report.main(a);
            case "jfr-summary" -> JfrSummary.main(a);
            default -> {
                System.err.println("unknown subcommand " + argv[0]);
                System.exit(2);
            }
        }
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return a;
    }

    /** Kessai without the openapi face answers 404 to POST /credit/charge; with it, a 400 problem for an empty body. */
    static boolean probe(URI base) throws IOException {
        try (Http http = new Http(base)) {
            var r = http.send(Http.request(base, "/credit/charge", Workload.JSON,
                    Map.of("Authorization", Workload.BASIC), "{}".getBytes(StandardCharsets.US_ASCII)));
            return r.status() != 404 && r.status() != 405;
        }
    }

    /** The shops of a run: the --shops file ("ShopID ShopPass" lines), or the demo shop alone. */
    static List<Workload.Shop> shops(Map<String, String> a) throws IOException {
        if (!a.containsKey("shops")) {
            return List.of(Workload.Shop.DEMO);
        }
        List<Workload.Shop> shops = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.get("shops")))) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                shops.add(new Workload.Shop(f[0], f[1]));
            }
        }
        if (shops.isEmpty()) {
            throw new IllegalArgumentException("no shops in " + a.get("shops"));
        }
        return shops;
    }

    /**
     * Creates the bench shops through Kessai's own sandbox API, with the demo shop's contracts: ShopIDs
     * {@code <prefix><digits>} (13 characters, so they sort in creation order), passwords {@code bp<6 digits>}.
     */
    static void shops(URI base, int count, String prefix, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Http http = new Http(base)) {
            for (int i = 0; i < count; i++) {
                String id = prefix + String.format("%0" + (13 - prefix.length()) + "d", i + 1);
                String pass = String.format("bp%06d", i + 1);
                var r = http.send(Http.request(base, "/sandbox/shops", Workload.JSON, Map.of(),
                        ("{\"shopId\":\"" + id + "\",\"shopPass\":\"" + pass + "\"}").getBytes(StandardCharsets.US_ASCII)));
                if (r.status() != 201) {
                    throw new IOException("shop " + id + ": HTTP " + r.status() + " " + r.text());
                }
                lines.add(id + " " + pass);
            }
        }
        Files.write(out, lines);
        System.out.println("created " + count + " sandbox shops (" + lines.get(0).split(" ")[0] + " ...)");
    }

    static void cards(URI base, int count) throws IOException {
        try (Http http = new Http(base)) {
            for (int i = 0; i < count; i++) {
                String body = "{\"cardNo\":\"" + Workload.W2.cardNo(i) + "\",\"approvalNo\":\"1234\",\"balance\":99999999}";
                var r = http.send(Http.request(base, "/sandbox/jcb-preca/cards", Workload.JSON, Map.of(),
                        body.getBytes(StandardCharsets.US_ASCII)));
                if (r.status() / 100 != 2) {
                    throw new IOException("card " + i + ": HTTP " + r.status() + " " + r.text());
                }
            }
        }
        System.out.println("created " + count + " sandbox JCB Preca cards with 99,999,999 yen");
    }

    private static void save(Path dir, String key, Http.Response r, String contentType) throws IOException {
        Files.write(dir.resolve(key + ".body"), r.body());
        Files.writeString(dir.resolve(key + ".meta"), r.status() + " " + contentType + "\n");
    }

    /** One real answer per endpoint, saved so that B1 and B2 answer with the very same bytes. */
    static void stubs(URI base, Path dir, boolean openapi) throws Exception {
        Files.createDirectories(dir);
        try (Http http = new Http(base)) {
            String shop = Workload.Shop.DEMO.form();
            String orderId = "stub" + System.currentTimeMillis() % 10_000_000_000L;
            var entry = http.send(Http.request(base, "/payment/EntryTranJcbPreca.idPass", Workload.FORM, Map.of(),
                    (shop + "&OrderID=" + orderId + "&Amount=1&Tax=0").getBytes(StandardCharsets.US_ASCII)));
            save(dir, "EntryTranJcbPreca", entry, "text/plain;charset=Windows-31J");
            String e = entry.text();
            var exec = http.send(Http.request(base, "/payment/ExecTranJcbPreca.idPass", Workload.FORM, Map.of(),
                    (shop + "&AccessID=" + Workload.W2.field(e, "AccessID") + "&AccessPass="
                            + Workload.W2.field(e, "AccessPass") + "&OrderID=" + orderId + "&CardNo="
                            + Workload.W2.cardNo(0) + "&ApprovalNo=1234").getBytes(StandardCharsets.US_ASCII)));
            save(dir, "ExecTranJcbPreca", exec, "text/plain;charset=Windows-31J");
            if (!exec.text().contains("Status=SALES")) {
                throw new IOException("W2 stub capture failed: " + exec.text());
            }
            if (openapi) {
                var w1 = new Workload.W1(base);
                var charge = w1.charge(http, Workload.Shop.DEMO);
                save(dir, "credit_charge", charge, "application/json");
                String body = charge.text();
                int at = body.indexOf("\"accessId\":\"");
                String accessId = body.substring(at + 12, body.indexOf('"', at + 12));
                var inquiry = http.send(Http.request(base, "/order/inquiry", Workload.JSON,
                        Map.of("Authorization", Workload.BASIC),
                        ("{\"accessId\":\"" + accessId + "\"}").getBytes(StandardCharsets.US_ASCII)));
                save(dir, "order_inquiry", inquiry, "application/json");
            }
        }
    }

    static void wiremockMappings(Path dir, Path out) throws IOException {
        Path mappings = out.resolve("mappings");
        Files.createDirectories(mappings);
        Files.createDirectories(out.resolve("__files"));
        Map<String, String> urls = Map.of("credit_charge", "/credit/charge", "order_inquiry", "/order/inquiry",
                "EntryTranJcbPreca", "/payment/EntryTranJcbPreca.idPass",
                "ExecTranJcbPreca", "/payment/ExecTranJcbPreca.idPass");
        for (var u : urls.entrySet()) {
            Path meta = dir.resolve(u.getKey() + ".meta");
            if (!Files.exists(meta)) {
                continue;
            }
            String[] m = Files.readString(meta).strip().split(" ", 2);
            Files.copy(dir.resolve(u.getKey() + ".body"), out.resolve("__files").resolve(u.getKey() + ".body"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String json = "{\"request\":{\"method\":\"POST\",\"url\":\"" + u.getValue() + "\"},"
                    + "\"response\":{\"status\":" + m[0] + ",\"headers\":{\"Content-Type\":\"" + m[1] + "\"},"
                    + "\"bodyFileName\":\"" + u.getKey() + ".body\"}}";
            Files.writeString(mappings.resolve(u.getKey() + ".json"), json);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    static final class Phase {
        final Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final LongAdder dropped = new LongAdder();

        void fail(String reason) {
            errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    static void once(Workload w, Http http, Workload.Shop shop, Phase p, long startNanos) {
        try {
            w.run(http, shop);
            long micros = (System.nanoTime() - startNanos) / 1000;
            p.recorder.recordValue(Math.min(micros, TimeUnit.SECONDS.toMicros(60)));
            p.ok.increment();
        } catch (Workload.Failure f) {
            p.fail(f.reason);
        } catch (java.net.ConnectException e) {
            http.close();
            p.fail("IO " + e.getClass().getSimpleName());
            LockSupport.parkNanos(10_000_000L); // the server is gone or refusing: do not spin
        } catch (IOException e) {
            http.close();
            p.fail("IO " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            http.close();
            p.fail("client " + e.getClass().getSimpleName());
        }
    }

    /** Connection i works for shop i % shops.size() throughout, as a merchant's own client would. */
    static Phase closed(Workload w, List<Workload.Shop> shops, int conns, double seconds) throws InterruptedException {
        Phase p = new Phase();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            Workload.Shop shop = shops.get(i % shops.size());
            threads.add(Thread.ofVirtual().start(() -> {
                try (Http http = new Http(w.base)) {
                    while (System.nanoTime() < end) {
                        once(w, http, shop, p, System.nanoTime());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return p;
    }

    /** Operation i is for shop i % shops.size(): the arrivals are spread evenly over the merchants. */
    static Phase open(Workload w, List<Workload.Shop> shops, double rate, double seconds, int maxInFlight)
            throws InterruptedException {
        Phase p = new Phase();
        ConcurrentLinkedDeque<Http> idle = new ConcurrentLinkedDeque<>();
        AtomicLong inFlight = new AtomicLong();
        // connections opened before the clock starts: a burst of new connections would otherwise overflow the
        // server's accept backlog and cost a SYN retransmission (1 s) that belongs to the client, not the server
        int prewarm = (int) Math.min(maxInFlight, Math.max(8, Math.ceil(rate / 100)));
        for (int i = 0; i < prewarm; i++) {
            idle.add(new Http(w.base).opened());
        }
        long count = (long) (rate * seconds);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000L;
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * interval);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                p.dropped.increment();
                continue;
            }
            inFlight.incrementAndGet();
            Workload.Shop shop = shops.get((int) (i % shops.size()));
            Thread.ofVirtual().start(() -> {
                Http http = idle.pollFirst();
                if (http == null) {
                    http = new Http(w.base);
                }
                try {
                    once(w, http, shop, p, intended);
                } finally {
                    idle.addFirst(http);
                    inFlight.decrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        idle.forEach(Http::close);
        return p;
    }

    static void run(Map<String, String> a) throws Exception {
        URI base = URI.create(a.get("base"));
        Workload w = Workload.of(a.get("workload"), base, Integer.parseInt(a.getOrDefault("cards", "64")),
                Long.parseLong(a.getOrDefault("preloaded", "0")));
        String target = a.getOrDefault("target", "kessai");
        List<Workload.Shop> shops = shops(a);
        int conns = a.containsKey("shops") ? shops.size() * Integer.parseInt(a.getOrDefault("conns-per-shop", "4"))
                : Integer.parseInt(a.getOrDefault("conns", "4"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "3"));
        double duration = Double.parseDouble(a.getOrDefault("duration", "10"));
        long pid = Long.parseLong(a.getOrDefault("pid", "-1"));
        Path pgPidFile = a.containsKey("pg-pid-file") ? Path.of(a.get("pg-pid-file")) : null;
        double tck = Double.parseDouble(a.getOrDefault("clk-tck", "100"));
        Path out = Path.of(a.get("out"));
        String label = a.getOrDefault("label", w.name());

        try (Http http = new Http(base)) {
            w.prepare(http, shops);
        }
        if (warmup > 0) {
            Phase p = closed(w, shops, conns, warmup);
            System.out.printf("  %-6s %-15s warm-up   %8.1f op/s, %d errors %s%n", label, target, p.ok.sum() / warmup,
                    p.errorCount(), p.errors.isEmpty() ? "" : p.errors);
        }
        long pm = Proc.postmaster(pgPidFile);
        double peak = measure(label, w, target, "closed", conns, shops.size(), 0, duration, pid, pm, tck, out,
                () -> closed(w, shops, conns, duration));
        if (a.containsKey("open") && peak > 0) {
            for (String f : a.get("open").split(",")) {
                double frac = Double.parseDouble(f);
                double rate = frac * peak;
                measure(label, w, target, "open" + Math.round(frac * 100), conns, shops.size(), rate, duration, pid,
                        pm, tck, out, () -> open(w, shops, rate, duration, 1000));
            }
        }
    }

    interface PhaseRun {
        Phase run() throws InterruptedException;
    }

    static double measure(String label, Workload w, String target, String mode, int conns, int shops, double rate,
            double duration, long pid, long postmaster, double tck, Path out, PhaseRun body) throws Exception {
        long cpu0 = Proc.cpuTicks(pid);
        long db0 = Proc.treeTicks(postmaster);
        long t0 = System.nanoTime();
        Phase p = body.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpu1 = Proc.cpuTicks(pid);
        long db1 = Proc.treeTicks(postmaster);
        Histogram h = p.recorder.getIntervalHistogram();
        long ops = p.ok.sum();
        double opsPerSec = ops / secs;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", label);
        r.put("workload", w.name());
        r.put("target", target);
        r.put("mode", mode);
        r.put("conns", conns);
        r.put("shops", shops);
        r.put("targetRate", rate > 0 ? round(rate) : null);
        r.put("seconds", round(secs));
        r.put("ops", ops);
        r.put("httpPerOp", w.httpPerOp());
        r.put("opsPerSec", round(opsPerSec));
        r.put("errors", p.errorCount());
        r.put("errorKinds", new TreeMap<>(p.errors.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))));
        r.put("dropped", p.dropped.sum());
        r.put("p50Ms", ms(h, 50));
        r.put("p99Ms", ms(h, 99));
        r.put("p999Ms", ms(h, 99.9));
        r.put("maxMs", h.getTotalCount() == 0 ? null : round(h.getMaxValue() / 1000.0));
        boolean haveCpu = pid > 0 && cpu0 >= 0 && cpu1 >= 0 && ops > 0;
        r.put("cpuSecPer1kOps", haveCpu ? round((cpu1 - cpu0) / tck / ops * 1000) : null);
        boolean haveDb = postmaster > 0 && db0 >= 0 && db1 >= 0 && ops > 0;
        r.put("dbCpuSecPer1kOps", haveDb ? round((db1 - db0) / tck / ops * 1000) : null);
        r.put("rssMb", pid > 0 ? round(Proc.rssMb(pid)) : null);
        r.put("rssPeakMb", pid > 0 ? round(Proc.hwmMb(pid)) : null);
        String line = Json.write(r);
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf("  %-6s %-15s %-7s %8.1f op/s  p50 %7s  p99 %7s  p99.9 %7s ms  errors %d%s%s%n", label,
                target, mode, opsPerSec, r.get("p50Ms"), r.get("p99Ms"), r.get("p999Ms"), p.errorCount(),
                p.errors.isEmpty() ? "" : " " + p.errors, p.dropped.sum() > 0 ? " dropped " + p.dropped.sum() : "");
        return opsPerSec;
    }

    static Double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? null : round(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
