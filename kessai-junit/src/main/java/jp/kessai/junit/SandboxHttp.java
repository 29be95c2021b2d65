package jp.kessai.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox API of one started Kessai, over HTTP (docs/test-cards.md, "Sandbox API"). */
final class SandboxHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SandboxHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), path);
    }

    JsonNode post(String path, Map<String, ?> body) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (body == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(builder, path);
    }

    /** Releases the client's connections and threads (the Kessai stopped). */
    void close() {
        http.close();
    }

    private JsonNode send(HttpRequest.Builder builder, String path) {
        HttpResponse<String> response;
        try {
            response = http.send(builder.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Kessai's sandbox API did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Kessai's sandbox API " + path, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new KessaiSandboxException(path, response.statusCode(), response.body());
        }
        return JSON.readTree(response.body());
    }
}
