package jp.kessai.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A merchant's web site for tests, on loopback: serves pages, receives RetURL posts and result notifications, and
 * answers them as the test says.
 */
public final class MerchantServer implements AutoCloseable {

    public static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

    /** One request the merchant received. */
    public record Received(String method, String path, String contentType, byte[] body) {
        /** The form body decoded as Windows-31J, in order. */
        public Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), WINDOWS_31J), URLDecoder.decode(pair.substring(eq + 1), WINDOWS_31J));
            }
            return fields;
        }
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer text(String text) {
            return new Answer(200, "text/plain", text.getBytes(WINDOWS_31J));
        }

        public static Answer html(String html) {
            return new Answer(200, "text/html; charset=Windows-31J", html.getBytes(WINDOWS_31J));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();

    public MerchantServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void on(String path, Function<Received, Answer> answer) {
        routes.put(path, answer);
    }

    /** The next request to {@code path}, waiting up to {@code seconds}; null if none came. */
    public Received next(String path, long seconds) throws InterruptedException {
        return queue(path).poll(seconds, TimeUnit.SECONDS);
    }

    public List<Received> all(String path) {
        return all.stream().filter(r -> r.path().equals(path)).toList();
    }

    private BlockingQueue<Received> queue(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var request = new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
        all.add(request);
        queue(path).add(request);
        Answer answer = routes.getOrDefault(path, r -> new Answer(404, "text/plain", new byte[0])).apply(request);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
