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

    /** Issue 12: /sandbox answers an index of the sandbox API, every endpoint with a line and a link to the docs. */
    @Test
    void theSandboxRootIsAnIndexOfEveryEndpoint() throws Exception {
        var index = sandbox("GET", "/sandbox", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(index.body());
        assertThat(json.path("docs").asString()).isEqualTo("docs/test-cards.md#sandbox-api");
        var endpoints = new java.util.ArrayList<String>();
        var anchors = java.util.regex.Pattern.compile("(?m)^#+ (.+)$").matcher(
                java.nio.file.Files.readString(jp.kessai.docs.RunnableDocs.projectRoot().resolve("docs/test-cards.md")));
        var headings = new java.util.HashSet<String>();
        while (anchors.find()) {
            headings.add(anchors.group(1).strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }
        for (var endpoint : json.path("endpoints")) {
            String line = endpoint.path("method").asString() + " " + endpoint.path("path").asString();
            endpoints.add(line);
            assertThat(endpoint.path("description").asString()).as(line).isNotBlank();
            String docs = endpoint.path("docs").asString();
            assertThat(docs).as(line).startsWith("docs/test-cards.md#");
            assertThat(headings).as(line + " links to a heading of docs/test-cards.md").contains(docs.substring(docs.indexOf('#') + 1));
        }
        assertThat(endpoints).contains("GET /sandbox", "POST /sandbox/shops", "POST /sandbox/jcb-preca/cards",
                "GET /sandbox/netcash/cards/{cardNo}", "POST /sandbox/clock/advance", "POST /sandbox/tds2/cards",
                "POST /sandbox/shops/{shopId}/notifications/{id}/resend").hasSizeGreaterThanOrEqualTo(26);
        assertThat(sandbox("GET", "/sandbox/", null).body()).isEqualTo(index.body());
    }
}
