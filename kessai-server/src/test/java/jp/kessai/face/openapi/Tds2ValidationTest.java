package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The 3-D Secure checks of /credit/charge beyond the schema, and the callback's p parameter. */
class Tds2ValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CreditChargeEndpoint ENDPOINT = new CreditChargeEndpoint(JSON, null, null, null, null, null);

    private static final String BODY = """
            {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
              "nameShort":"サンプル","contactName":"サポート窓口","contactPhone":"0120-123-456",
              "contactOpeningHours":"10:00-18:00","callbackUrl":"https://shop.example.com/callback","csrfToken":"abc-123"},
             "order":{"orderId":"order-001","amount":"1000","transactionType":"CIT"},
             "payer":{"name":"見本 太郎","email":"taro@example.com"},
             "creditInformation":{"card":{"cardNumber":"4111111111111111","expiryMonth":"06","expiryYear":"2033"},
              "creditChargeOptions":{"authorizationMode":"AUTH"}},
             "tds2Information":{"tds2Options":{"allowAttempt":"FOLLOW"}}}""";

    @ParameterizedTest(name = "callbackUrl={0} useTds2={1} allowAttempt={2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "https://shop.example.com/callback, -, FOLLOW, -",
            "http://localhost:8081/cb?x=1, true, ALLOW, -",
            "-, -, FOLLOW, missing_parameter(merchant.callbackUrl)",
            "-, true, FOLLOW, missing_parameter(merchant.callbackUrl)",
            "-, false, FOLLOW, -",
            "javascript:alert(1), -, FOLLOW, invalid_parameter(merchant.callbackUrl)",
            "ftp://shop.example.com/cb, -, FOLLOW, invalid_parameter(merchant.callbackUrl)",
            "https://user@shop.example.com/cb, -, FOLLOW, invalid_parameter(merchant.callbackUrl)",
            "https:///cb, -, FOLLOW, invalid_parameter(merchant.callbackUrl)",
            "https://shop.example.com/cb, false, NOT_ALLOW, invalid_request(tds2Information.tds2Options.allowAttempt)",
            "https://shop.example.com/cb, true, NOT_ALLOW, -",
            "https://shop.example.com/cb, true, SOMETIMES, invalid_parameter(tds2Information.tds2Options.allowAttempt)"})
    void rules(String callbackUrl, Boolean useTds2, String allowAttempt, String expected) {
        ObjectNode body = (ObjectNode) JSON.readTree(BODY);
        ObjectNode merchant = (ObjectNode) body.get("merchant");
        if (callbackUrl == null) {
            merchant.remove("callbackUrl");
        } else {
            merchant.put("callbackUrl", callbackUrl);
        }
        if (useTds2 != null) {
            ((ObjectNode) body.at("/creditInformation/creditChargeOptions")).put("useTds2", useTds2);
        }
        ((ObjectNode) body.at("/tds2Information/tds2Options")).put("allowAttempt", allowAttempt);
        Optional<Problem> problem = ENDPOINT.validate(body);
        assertThat(problem.map(p -> p.title().title() + p.detail().substring(p.detail().indexOf('('))).orElse(null))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://shop.example.com/cb|https://shop.example.com/cb?p=",
            "https://shop.example.com/cb?order=1|https://shop.example.com/cb?order=1&p=",
            "https://shop.example.com/cb#done|https://shop.example.com/cb?p="})
    void theCallbackCarriesPAndKeepsTheMerchantsQuery(String callbackUrl, String prefix) {
        var wire = new Tds2Wire(new OpenApiJson(JSON), null);
        String location = wire.callbackLocation(callbackUrl, "acdc7d53f7a78f488d8d0997eff99c6f",
                jp.kessai.core.threeds.CallbackReason.CHARGE_FINISHED, "bdb04c5f-42f0-29e2-0979-edae3e7760bf");
        assertThat(location).startsWith(prefix);
        String p = location.substring(prefix.length()).replace("#done", "");
        // the seed's example, byte for byte (Base64URL with its padding)
        assertThat(p).isEqualTo("eyJhY2Nlc3NJZCI6ImFjZGM3ZDUzZjdhNzhmNDg4ZDhkMDk5N2VmZjk5YzZmIiwiZXZlbnQiOiJURFNfQ0hBUkdFX0ZJTklTSEVEIiwiY3NyZlRva2VuIjoiYmRiMDRjNWYtNDJmMC0yOWUyLTA5NzktZWRhZTNlNzc2MGJmIn0=");
        if (callbackUrl.contains("#")) {
            assertThat(location).endsWith("#done");
        }
    }
}
