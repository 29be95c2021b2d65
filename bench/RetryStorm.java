import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retry storm of docs/operations.md "Overload" (run by bench/retry-storm.sh; a single-file program:
 * {@code java bench/RetryStorm.java <baseUrl> prepare|storm|retrystorm <n> <orders file>}).
 *
 * <p>{@code prepare}: n JCB Preca orders of the demo shop (EntryTranJcbPreca) and a fresh card each, written to the
 * orders file. {@code storm}: one ExecTranJcbPreca per order, all at once. {@code retrystorm}: the same, each client
 * sending its request again 100-300 ms after every busy answer (E92000001), as merchants do. Prints the answers by
 * result.
 */
public class RetryStorm {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mode = args[1];
        int n = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        if (mode.equals("prepare")) {
            prepare(base, n, file);
        } else {
            storm(base, n, file, mode.equals("retrystorm"));
        }
    }

    static String post(String url, String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    static void prepare(String base, int n, Path file) throws Exception {
        var lines = new ConcurrentLinkedQueue<String>();
        var parallel = new Semaphore(16);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int k = i;
                executor.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        String card = "88" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
                        post(base + "/sandbox/jcb-preca/cards", "application/json",
                                "{\"cardNo\":\"" + card + "\",\"approvalNo\":\"1234\",\"balance\":1000}");
                        String order = "storm" + System.nanoTime() % 1_000_000_000L + "x" + k;
                        String entry = post(base + "/payment/EntryTranJcbPreca.idPass", "application/x-www-form-urlencoded",
                                "ShopID=tshop00000001&ShopPass=kessai01&OrderID=" + order + "&Amount=100");
                        Map<String, String> fields = new HashMap<>();
                        for (String pair : entry.substring(4).split("&")) {
                            int eq = pair.indexOf('=');
                            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                        lines.add(order + " " + fields.get("AccessID") + " " + fields.get("AccessPass") + " " + card);
                    } catch (Exception e) {
                        System.err.println("prepare: " + e);
                    } finally {
                        parallel.release();
                    }
                    return null;
                });
            }
        }
        Files.write(file, lines);
        System.out.println("prepared " + lines.size() + " orders");
    }

    static void storm(String base, int n, Path file, boolean retry) throws Exception {
        var orders = Files.readAllLines(file);
        var results = new ConcurrentHashMap<String, AtomicInteger>();
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < Math.min(n, orders.size()); i++) {
                String[] o = orders.get(i).split(" ");
                executor.submit(() -> {
                    String result = "";
                    for (int attempt = 0; attempt < 10_000; attempt++) {
                        try {
                            String answer = post(base + "/payment/ExecTranJcbPreca.idPass", "application/x-www-form-urlencoded",
                                    "ShopID=tshop00000001&ShopPass=kessai01&OrderID=" + o[0] + "&AccessID=" + o[1]
                                            + "&AccessPass=" + o[2] + "&CardNo=" + o[3] + "&ApprovalNo=1234");
                            result = answer.contains("ErrInfo=") ? answer.replaceAll("(?s).*ErrInfo=([A-Z0-9]+).*", "$1")
                                    : answer.contains("Status=SALES") ? "SALES" : answer;
                        } catch (Exception e) {
                            result = e.getClass().getSimpleName();
                            break;
                        }
                        if (!retry || !result.equals("E92000001")) {
                            break;
                        }
                        results.computeIfAbsent("busy answers retried", x -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(100 + ThreadLocalRandom.current().nextInt(200));
                    }
                    results.computeIfAbsent(result, x -> new AtomicInteger()).incrementAndGet();
                    return null;
                });
            }
        }
        System.out.println((retry ? "retry storm " : "storm ") + Math.min(n, orders.size()) + " clients, "
                + (System.nanoTime() - started) / 1_000_000 + " ms: " + results);
    }
}
