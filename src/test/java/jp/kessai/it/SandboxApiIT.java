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

    @Test
    void theSeededTestCardsExist() {
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/9990000000000001", null).statusCode()).isEqualTo(200);
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/9990000000000003", null).body()).contains("\"activateStatus\":0");
    }
}
