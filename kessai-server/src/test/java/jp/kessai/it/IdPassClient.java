package jp.kessai.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A protocol-type client as merchant code writes it: Windows-31J form in, split on & and the first = out. */
public final class IdPassClient {

    public static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    public IdPassClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The answer of one call: HTTP status, the raw body (decoded from Windows-31J) and its fields in order. */
    public record Answer(int status, String contentType, String body, Map<String, String> fields) {
        public String get(String name) {
            return fields.get(name);
        }

        public boolean isError() {
            return fields.containsKey("ErrCode");
        }
    }

    public Answer post(String name, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), WINDOWS_31J) + "=" + URLEncoder.encode(e.getValue(), WINDOWS_31J))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/payment/" + name + ".idPass"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, WINDOWS_31J)).build());
    }

    public Answer get(String name) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/payment/" + name + ".idPass")).GET().build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), WINDOWS_31J);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, parse(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    /** Parameters in the order given. */
    public static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
