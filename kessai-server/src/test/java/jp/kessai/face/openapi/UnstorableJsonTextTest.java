package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * U+0000 and unpaired surrogates in a JSON body never get past the schema validator: PostgreSQL's text and jsonb
 * cannot hold them, and a charge keeps merchant, order and payer (unknown members included) as jsonb. One row per
 * place such a text can hide; each answer is {@code 400 invalid_parameter} naming where it is.
 */
class UnstorableJsonTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CreditChargeEndpoint ENDPOINT = new CreditChargeEndpoint(JSON, null, null, null, null, null);
    private static final SchemaValidator VALIDATOR = SchemaValidator.fromClasspath(JSON);

    private static final String VALID = """
            {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
              "nameShort":"サンプル","contactName":"サポート窓口","contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},
             "order":{"orderId":"order-001","amount":"1000","transactionType":"CIT"},
             "payer":{"name":"見本 太郎"},
             "creditInformation":{"card":{"cardNumber":"4111111111111111","expiryMonth":"06","expiryYear":"2033"},
              "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false}}}""";

    static Stream<Arguments> rows() {
        return Stream.of(
                // JSON text of the member to set (escapes as a client sends them), where, expected detail path
                row("/order", "orderId", "\"order\\u0000001\"", "order.orderId"),
                row("/order", "orderId", "\"order-001\\n\"", "order.orderId"), // ECMA $: no final newline either
                row("/merchant", "name", "\"店\\u0000\"", "merchant.name"),
                row("/merchant", "name", "\"店\\ud800\"", "merchant.name"),
                row("/merchant", "name", "\"店\\udc00\"", "merchant.name"),
                row("/payer", "name", "\"\\udbff\"", "payer.name"),
                row("/order", "clientFields", "{\"clientField1\":\"a\\u0000\"}", "order.clientFields.clientField1"),
                row("/creditInformation/card", "cardholderName", "\"TARO\\u0000\"", "creditInformation.card.cardholderName"),
                // members the schema does not know are ignored, but merchant/order/payer are stored as they came
                row("/order", "note", "\"x\\u0000\"", "order.note"),
                row("/merchant", "extra", "[\"ok\", {\"deep\":\"\\ud83d\"}]", "merchant.extra[1].deep"),
                row("", "additionalOptions", "{\"k\":\"\\u0000\"}", "additionalOptions.k"),
                // a member name: named with U+FFFD in place of the character
                row("/order", "n\\u0000te", "\"x\"", "order.n\uFFFDte"),
                row("/payer", "\\ud800", "1", "payer.\uFFFD"));
    }

    private static Arguments row(String parent, String name, String jsonValue, String expectedPath) {
        return argumentSet(parent + "/" + name + " = " + jsonValue, parent, name, jsonValue, expectedPath);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void unstorableTextIsAnInvalidParameter(String parent, String name, String jsonValue, String expectedPath) {
        ObjectNode body = (ObjectNode) JSON.readTree(VALID);
        ObjectNode target = parent.isEmpty() ? body : (ObjectNode) body.at(parent);
        String memberName = JSON.readTree("\"" + name + "\"").stringValue();
        target.set(memberName, JSON.readTree(jsonValue));

        var problem = ENDPOINT.validate(body);

        assertThat(problem).isPresent();
        assertThat(problem.get().title()).isEqualTo(ProblemTitle.INVALID_PARAMETER);
        assertThat(problem.get().detail()).isEqualTo(Problem.INVALID_VALUE + "(" + expectedPath + ")");
    }

    @Test
    void theUnchangedRequestIsValid() {
        assertThat(ENDPOINT.validate(JSON.readTree(VALID))).isEmpty();
    }

    @Test
    void orderEndpointsRefuseItToo() {
        var capture = VALIDATOR.validate("OrderCaptureRequest",
                JSON.readTree("{\"accessId\":\"0123456789abcdef0123456789abcdef\",\"additionalOptions\":{\"a\":\"\\udfff\"}}"), "");
        assertThat(capture).map(Problem::detail).hasValue(Problem.INVALID_VALUE + "(additionalOptions.a)");
        var inquiry = VALIDATOR.validate("OrderInquiryRequest", JSON.readTree("{\"orderId\":\"o\\u0000\"}"), "");
        assertThat(inquiry).map(Problem::detail).hasValue(Problem.INVALID_VALUE + "(orderId)");
    }

    @Test
    void idempotencyKeysRefuseControlCharacters() {
        assertThat(IdempotencyKeyText.acceptable("ede66c43-9b9d-4222-93ed-5f11c96e08e2")).isTrue();
        assertThat(IdempotencyKeyText.acceptable("key with spaces and é")).isTrue();
        for (String key : new String[] {"a\u0000b", "a\tb", "a\u007Fb", "\uD800", "a\nb"}) {
            assertThat(IdempotencyKeyText.acceptable(key)).as(key).isFalse();
        }
    }
}
