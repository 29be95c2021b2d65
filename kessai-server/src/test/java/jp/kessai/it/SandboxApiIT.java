package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxApiIT extends IntegrationTest {

    @Test
    void createsShowsAndReplacesPrepaidCards() {
        var created = sandbox("POST", "/sandbox/jcb-preca/cards", """
                {"cardNo":"7700000000000001","approvalNo":"5678","balance":300,"termStatus":2,"validLimit":"20301231","cardTypeCode":"A1"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"balance\":300", "\"termStatus\":2", "\"validLimit\":\"20301231\"",
                "\"activateStatus\":1", "\"invalidStatus\":0", "\"webInquiryStatus\":0", "\"cardTypeCode\":\"A1\"");
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/7700000000000001", null).body()).contains("\"approvalNo\":\"5678\"");
        sandbox("POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"7700000000000001\",\"approvalNo\":\"5678\",\"balance\":10}");
        assertThat(cardBalance("7700000000000001")).isEqualTo(10);
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/7700000000000099", null).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsBadCardsWithA400() {
        assertThat(sandbox("POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"12ab\",\"approvalNo\":\"1\",\"balance\":1}").statusCode()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"123\",\"approvalNo\":\"1\",\"balance\":-1}").statusCode()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"123\",\"approvalNo\":\"1\",\"balance\":1,\"termStatus\":3}").statusCode()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"123\",\"approvalNo\":\"1\",\"balance\":1,\"validLimit\":\"2030-01-01\"}").statusCode()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/jcb-preca/cards", "not json").statusCode()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/jcb-preca/faults", "{\"fault\":\"EXPLODE\"}").statusCode()).isEqualTo(400);
    }

    /** Issue 12 drift 5: malformed JSON and form bodies got Spring's {"timestamp","status","error","path"}. */
    @Test
    void malformedJsonAndFormBodiesGetTheSandboxErrorShape() throws Exception {
        var malformed = sandbox("POST", "/sandbox/clock/advance", "{bad");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"the body must be a JSON object\"}");
        var notid = sandbox("GET", "/sandbox/shops/tshop00000001/notifications/abc/attempts", null);
        assertThat(notid.statusCode()).isEqualTo(400);
        assertThat(notid.body()).isEqualTo("{\"error\":\"id: wrong type\"}");
        var form = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/sandbox/netcash/cards"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("cardNo=5000000000000100&balance=1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).isEqualTo("{\"error\":\"send the body as JSON, with Content-Type: application/json\"}");
        assertThat(sandbox("POST", "/sandbox/shops", "[").body()).startsWith("{\"error\":\"a JSON object with shopId");
    }

    @Test
    void theSeededTestCardsExist() {
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/9990000000000001", null).statusCode()).isEqualTo(200);
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/9990000000000003", null).body()).contains("\"activateStatus\":0");
    }
}
