package jp.kessai.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An OpenAPI-type client as merchant code writes it: JSON over POST with Basic or Bearer auth and optional headers. */
public final class OpenApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private String authorization;

    public OpenApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static String basic(String shopId, String shopPass) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + shopPass).getBytes(StandardCharsets.UTF_8));
    }

    public OpenApiClient as(String authorization) {
        var copy = new OpenApiClient(baseUrl);
        copy.authorization = authorization;
        return copy;
    }

    /** One answer: status, content type, raw body and the body parsed as JSON. */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String at(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() ? null : node.asString();
        }
    }

    public Answer post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Answer post(String path, String json, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::setHeader);
        return send(builder.build());
    }

    public Answer send(String method, String path, String contentType, String body) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    /** POST /token with the form body; returns the answer. */
    public Answer token(String form) {
        return send("POST", "/token", "application/x-www-form-urlencoded", form);
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> headers(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
