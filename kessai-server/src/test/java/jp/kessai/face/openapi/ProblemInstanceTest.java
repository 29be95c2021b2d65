package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 9, MalformedInputCorpusIT over the 3-D Secure pages): a problem for a path longer than the
 * Problem schema's {@code instance} (maxLength 40), such as {@code /3ds/<40-hex token>/authenticate} answered 405,
 * was not valid against the schema. The instance is cut to 40 characters; shorter paths are kept as they are.
 */
class ProblemInstanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenApiJson json = new OpenApiJson(JSON);

    @Test
    void anInstanceLongerThanTheSchemaAllowsIsCutToFortyCharacters() {
        String path = "/3ds/0123456789abcdef0123456789abcdef01234567/authenticate";
        var reply = json.problem(new Problem(ProblemTitle.METHOD_NOT_ALLOWED, "The HTTP method is not allowed."), path);
        String instance = JSON.readTree(reply.body()).get("instance").stringValue();
        assertThat(instance).hasSize(40).isEqualTo(path.substring(0, 40));
    }

    @Test
    void anEndpointPathIsTheInstanceAsItIs() {
        var reply = json.problem(new Problem(ProblemTitle.METHOD_NOT_ALLOWED, "The HTTP method is not allowed."),
                "/tds2/finalizeVerification");
        assertThat(JSON.readTree(reply.body()).get("instance").stringValue()).isEqualTo("/tds2/finalizeVerification");
    }
}
