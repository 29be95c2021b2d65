package jp.kessai.junit.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kessai.junit.Kessai;

/**
 * What a merchant's own code would do against Kessai, reduced to plain HTTP: idpass forms (Windows-31J answers) and
 * openapi JSON. Nothing here knows Kessai's internals.
 */
final class Merchant {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Kessai kessai;

    Merchant(Kessai kessai) {
        this.kessai = kessai;
    }

    static String newOrderId(String prefix) {
        return prefix + "-" + System.currentTimeMillis() % 10_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    /** An idpass call with the demo shop's credentials; the answer's key=value pairs. */
    Map<String, String> idpass(String api, String params) {
        String body = kessai.demoShop().idpassCredentials() + "&" + params;
        var request = HttpRequest.newBuilder(URI.create(kessai.idpassUrl(api)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String answer = new String(send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), WINDOWS_31J);
        var fields = new LinkedHashMap<String, String>();
        for (String pair : answer.strip().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    /** An access token for the demo shop (POST /token with Basic credentials). */
    String accessToken() {
        var request = HttpRequest.newBuilder(URI.create(kessai.openapiBaseUrl() + "/token"))
                .header("Authorization", kessai.demoShop().basicAuthorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openapi")).build();
        var response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new AssertionError("/token answered " + response.statusCode() + ": " + response.body());
        }
        return field(response.body(), "access_token");
    }

    /** An openapi POST with a Bearer token and a new Idempotency-Key. */
    HttpResponse<String> openapi(String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create(kessai.openapiBaseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An authorisation (AUTH) of a new order by credit card, without 3-D Secure. */
    HttpResponse<String> charge(String token, String orderId, long amount, String cardNumber) {
        return openapi("/credit/charge", token, """
                {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store","nameShort":"サンプル",
                  "contactName":"サポート窓口","contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},
                 "order":{"orderId":"%s","amount":"%d","transactionType":"CIT"},
                 "payer":{"name":"見本 太郎"},
                 "creditInformation":{"card":{"cardNumber":"%s","expiryMonth":"06","expiryYear":"2033"},
                  "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false}}}
                """.formatted(orderId, amount, cardNumber));
    }

    /** The string value of the first JSON field of this name (enough for these tests' answers). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new AssertionError("Kessai did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
