package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import jp.kessai.core.threeds.ThreeDsPaths;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the 3-D Secure integration tests: a charge with useTds2 and the callback's p decoded. */
abstract class ThreeDsIntegrationTest extends OpenApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * A customer's browser through a frictionless authentication: the redirectUrl (the 3DS Method page), then
     * 認証依頼, which answers with the 302 to the merchant's callback; returns that Location.
     */
    protected String walkFrictionless(String redirectUrl) {
        try {
            var method = BROWSER.send(HttpRequest.newBuilder(URI.create(redirectUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(method.statusCode()).as(method.body()).isEqualTo(200);
            String token = redirectUrl.substring(redirectUrl.lastIndexOf('/') + 1);
            var authenticated = BROWSER.send(HttpRequest.newBuilder(URI.create(baseUrl() + ThreeDsPaths.authenticate(token)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("methodCompleted=Y")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(302);
            return authenticated.headers().firstValue("Location").orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A /credit/charge body with 3-D Secure: the merchant's callbackUrl and csrfToken, {@code tds2Options} as the
     * members of Tds2Options (may be empty), {@code chargeOptions} merged into creditChargeOptions.
     */
    static String tdsChargeBody(String orderId, long amount, String card, String mode, String callbackUrl,
            String csrfToken, String tds2Options) {
        String body = chargeBody(orderId, amount, card, mode, "").replace("\"useTds2\":false", "\"useTds2\":true")
                .replace("\"contactOpeningHours\":\"10:00-18:00\"}", "\"contactOpeningHours\":\"10:00-18:00\","
                        + "\"callbackUrl\":\"" + callbackUrl + "\"" + (csrfToken == null ? "" : ",\"csrfToken\":\"" + csrfToken + "\"") + "}");
        return body.substring(0, body.length() - 1) + ",\"tds2Information\":{\"tds2Options\":{" + tds2Options + "}}}";
    }

    /**
     * A vault endpoint's body (VaultFixtures: /credit/verifyCard, /credit/on-file/charge, useTds2 false) turned into
     * one with 3-D Secure: useTds2 true, the merchant's callbackUrl and csrfToken, {@code tds2Options} as the members
     * of Tds2Options.
     */
    static String withTds2(String body, String callbackUrl, String csrfToken, String tds2Options) {
        String tds = body.replace("\"useTds2\":false", "\"useTds2\":true").replace("\"contactOpeningHours\":\"10:00-18:00\"}",
                "\"contactOpeningHours\":\"10:00-18:00\",\"callbackUrl\":\"" + callbackUrl + "\",\"csrfToken\":\""
                        + csrfToken + "\"}");
        assertThat(tds).contains("\"useTds2\":true").contains(callbackUrl);
        return tds.substring(0, tds.length() - 1) + ",\"tds2Information\":{\"tds2Options\":{" + tds2Options + "}}}";
    }

    /** The callback's {@code p} as its JSON members. */
    static Map<String, String> decodeP(String url) {
        int at = url.indexOf("p=");
        assertThat(at).as("the callback carries p: " + url).isGreaterThan(0);
        String p = url.substring(at + 2).replaceAll("[&#].*", "");
        String json = new String(Base64.getUrlDecoder().decode(p), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, String> members = JSON.readValue(json, Map.class);
        return members;
    }

    /** Asserts the 202 of a charge with 3-D Secure and returns its accessId. */
    static String assertRedirect(OpenApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertSchema("CreditChargeTds2Response", answer);
        assertThat(answer.at("/nextAction")).isEqualTo("REDIRECT");
        assertThat(answer.at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        assertThat(answer.at("/redirectInformation/redirectType")).isEqualTo("TDS2");
        assertThat(answer.at("/redirectInformation/httpMethod")).isEqualTo("GET");
        assertThat(answer.at("/redirectInformation/redirectUrl")).matches("http://localhost:\\d+/3ds/[0-9a-f]{40}");
        return answer.at("/orderReference/accessId");
    }
}
