package jp.kessai.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The battery's HTTP: every call has a deadline, a connection failure is an answer of its own (status 0: the node is
 * down), and every response body is kept in a transcript for the leak scan.
 */
final class Wire {

    static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Every response body a face sent (decoded as the face encodes it), for the leak scan; sandbox answers are not kept. */
    static final Queue<String> TRANSCRIPT = new ConcurrentLinkedQueue<>();

    private Wire() {}

    /** One answer; {@code status} 0 when no HTTP answer came (refused, reset, timed out). */
    record Answer(int status, String contentType, String body, String location) {
        static final Answer NO_ANSWER = new Answer(0, "", "", "");

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, "");
        }

        boolean none() {
            return status == 0;
        }

        /** idpass fields (split on & and the first =). */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            if (body.isEmpty() || body.startsWith("<")) {
                return fields;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return fields;
        }

        String field(String name) {
            return fields().get(name);
        }
    }

    static Answer idpass(String baseUrl, String name, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), WINDOWS_31J) + "=" + URLEncoder.encode(e.getValue(), WINDOWS_31J))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/payment/" + name + ".idPass"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, WINDOWS_31J)), WINDOWS_31J);
    }

    static Answer openapi(String baseUrl, String path, String authorization, String json, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder, StandardCharsets.UTF_8);
    }

    static Answer form(String baseUrl, String path, String authorization, String form) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder, StandardCharsets.UTF_8);
    }

    static Answer json(String baseUrl, String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(builder, StandardCharsets.UTF_8, false);
    }

    /**
     * A page of the customer's browser (3-D Secure), without following redirects: a 3xx answers its Location as the
     * body. Kept in the transcript, as everything a face sends.
     */
    static Answer page(String baseUrl, String method, String path, String form) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (form == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        Answer answer = send(builder, StandardCharsets.UTF_8);
        if (answer.status() / 100 == 3) {
            return new Answer(answer.status(), answer.contentType(), answer.location());
        }
        return answer;
    }

    private static Answer send(HttpRequest.Builder request, Charset charset) {
        return send(request, charset, true);
    }

    /** {@code face}: an answer of a face (kept for the leak scan), not of the sandbox API (which shows test cards). */
    private static Answer send(HttpRequest.Builder request, Charset charset, boolean face) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), charset);
            String location = response.headers().firstValue("Location").orElse("");
            if (face) {
                TRANSCRIPT.add(location.isEmpty() ? body : location + "\n" + body);
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    location);
        } catch (IOException e) {
            return Answer.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NO_ANSWER;
        }
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String basic(String shopId, String shopPass) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((shopId + ":" + shopPass).getBytes(StandardCharsets.UTF_8));
    }
}
