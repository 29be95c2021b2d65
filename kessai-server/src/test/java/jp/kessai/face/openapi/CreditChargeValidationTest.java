package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The /credit/charge validation table: one row per rule of seed 003 パラメーターの設定 and the schema facts (required
 * with the parent-object rule, null = "" = absent, character lengths, UTF-8 / EUC-JP byte limits, patterns, enums,
 * e-mail, method-specific requirements). Each row edits a valid request at a JSON pointer.
 */
class CreditChargeValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CreditChargeEndpoint ENDPOINT = new CreditChargeEndpoint(JSON, null, null, null, null, null);

    private static final String VALID = """
            {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
              "nameShort":"サンプル","contactName":"サポート窓口","contactEmail":"support@example.com",
              "contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},
             "order":{"orderId":"order-001","amount":"1000","transactionType":"CIT"},
             "payer":{"name":"見本 太郎"},
             "creditInformation":{"card":{"cardNumber":"4111111111111111","expiryMonth":"06","expiryYear":"2033"},
              "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false}}}""";

    static Stream<Arguments> rows() {
        return Stream.of(
                // pointer, new value (JSON text; "ABSENT" removes the member), expected problem or null = valid
                row("", null, null),
                row("/merchant", "ABSENT", "missing_parameter(merchant)"),
                row("/merchant/name", "ABSENT", "missing_parameter(merchant.name)"),
                row("/merchant/name", "null", "missing_parameter(merchant.name)"),
                row("/merchant/name", "\"\"", "missing_parameter(merchant.name)"),
                row("/merchant/contactEmail", "null", null),
                row("/merchant/contactEmail", "\"\"", null),
                row("/merchant/contactEmail", "\"not-an-email\"", "invalid_parameter(merchant.contactEmail)"),
                row("/merchant/contactEmail", "\"a@b@example.com\"", "invalid_parameter(merchant.contactEmail)"),
                row("/merchant/contactEmail", "\"taro.mihon+shop@example.co.jp\"", null),
                row("/merchant/nameKana", "\"ｻﾝﾌﾟﾙ\"", "invalid_parameter(merchant.nameKana)"),
                row("/merchant/nameKana", "\"サンプル　ストア\"", null),
                row("/merchant/nameAlphabet", "\"サンプル\"", "invalid_parameter(merchant.nameAlphabet)"),
                // 30 characters fit maxLength but 15 kanji = 45 bytes is the UTF-8 limit
                row("/merchant/name", "\"" + "店".repeat(15) + "\"", null),
                row("/merchant/name", "\"" + "店".repeat(16) + "\"", "invalid_parameter(merchant.name)"),
                row("/merchant/name", "\"" + "a".repeat(30) + "\"", null),
                row("/merchant/name", "\"" + "a".repeat(31) + "\"", "invalid_parameter(merchant.name)"),
                row("/merchant/contactOpeningHours", "\"25:00-18:00\"", "invalid_parameter(merchant.contactOpeningHours)"),
                row("/merchant/contactPhone", "\"0120 123\"", "invalid_parameter(merchant.contactPhone)"),
                row("/merchant/callbackUrl", "\"not a uri\"", "invalid_parameter(merchant.callbackUrl)"),
                row("/order/orderId", "\"order_001\"", "invalid_parameter(order.orderId)"),
                row("/order/orderId", "\"" + "a".repeat(27) + "\"", null),
                row("/order/orderId", "\"" + "a".repeat(28) + "\"", "invalid_parameter(order.orderId)"),
                row("/order/amount", "1000", "invalid_parameter(order.amount)"),
                row("/order/amount", "\"12a\"", "invalid_parameter(order.amount)"),
                row("/order/amount", "\"0\"", "invalid_parameter(order.amount)"),
                row("/order/amount", "\"10000000\"", "invalid_parameter(order.amount)"),
                row("/order/amount", "\"9999999\"", null),
                row("/order/currency", "\"USD\"", "invalid_parameter(order.currency)"),
                row("/order/currency", "\"jpy\"", "invalid_parameter(order.currency)"),
                row("/order/transactionType", "\"XYZ\"", "invalid_parameter(order.transactionType)"),
                row("/order/transactionType", "ABSENT", "missing_parameter(order.transactionType)"),
                // clientField: 100 characters, and 100 bytes in EUC-JP (2 bytes per kanji)
                row("/order/clientFields", "{\"clientField1\":\"" + "字".repeat(50) + "\"}", null),
                row("/order/clientFields", "{\"clientField1\":\"" + "字".repeat(51) + "\"}", "invalid_parameter(order.clientFields.clientField1)"),
                row("/order/clientFields", "{\"clientField3\":\"" + "字".repeat(51) + "\"}", "invalid_parameter(order.clientFields.clientField3)"),
                row("/order/clientFields", "{\"clientField2\":\"😀\"}", "invalid_parameter(order.clientFields.clientField2)"),
                // parent-object rule: shippingAddress.name is required only when shippingAddress is given
                row("/order/shippingAddress", "ABSENT", null),
                row("/order/shippingAddress", "null", null),
                row("/order/shippingAddress", "{\"line1\":\"道玄坂1-2-3\",\"city\":\"渋谷区\",\"state\":\"013\",\"postCode\":\"150-0043\"}",
                        "missing_parameter(order.shippingAddress.name)"),
                row("/order/shippingAddress", "{\"name\":\"見本\",\"line1\":\"道玄坂\",\"city\":\"渋谷区\",\"state\":\"13\",\"postCode\":\"150-0043\"}",
                        "invalid_parameter(order.shippingAddress.state)"),
                row("/order/items", "[{\"name\":\"コーヒー豆\",\"quantity\":3,\"type\":\"PHYSICAL\",\"price\":\"300\"}]", null),
                row("/order/items", "[{\"name\":\"コーヒー豆\",\"quantity\":10000,\"type\":\"PHYSICAL\",\"price\":\"300\"}]",
                        "invalid_parameter(order.items[0].quantity)"),
                row("/order/items", "[{\"name\":\"コーヒー豆\",\"quantity\":\"3\",\"type\":\"PHYSICAL\",\"price\":\"300\"}]",
                        "invalid_parameter(order.items[0].quantity)"),
                row("/order/items", "[{\"quantity\":3,\"type\":\"PHYSICAL\",\"price\":\"300\"}]", "missing_parameter(order.items[0].name)"),
                row("/payer/name", "ABSENT", "missing_parameter(payer.name)"),
                row("/payer/gender", "\"UNKNOWN\"", "invalid_parameter(payer.gender)"),
                row("/payer/gender", "\"\"", null),
                row("/payer/email", "\"taro@\"", "invalid_parameter(payer.email)"),
                row("/payer/phones", "[{\"type\":\"MOBILE\",\"countryCode\":\"81\",\"number\":\"090-1234-5678\"}]", null),
                row("/creditInformation", "ABSENT", "missing_parameter(creditInformation)"),
                row("/creditInformation/card", "ABSENT", "missing_parameter(creditInformation.card)"),
                row("/creditInformation/card/cardNumber", "\"4111-1111-1111-1111\"", "invalid_parameter(creditInformation.card.cardNumber)"),
                row("/creditInformation/card/cardNumber", "\"41111111111\"", "invalid_parameter(creditInformation.card.cardNumber)"),
                row("/creditInformation/card/expiryMonth", "\"6\"", "invalid_parameter(creditInformation.card.expiryMonth)"),
                row("/creditInformation/card/securityCode", "\"12\"", "invalid_parameter(creditInformation.card.securityCode)"),
                row("/creditInformation/card/securityCode", "\"1234\"", null),
                row("/creditInformation/card/cardholderName", "\"タロウ\"", "invalid_parameter(creditInformation.card.cardholderName)"),
                row("/creditInformation/creditChargeOptions/authorizationMode", "\"SALES\"", "invalid_parameter(creditInformation.creditChargeOptions.authorizationMode)"),
                row("/creditInformation/creditChargeOptions/authorizationMode", "ABSENT", "missing_parameter(creditInformation.creditChargeOptions.authorizationMode)"),
                row("/creditInformation/creditChargeOptions/useTds2", "\"false\"", "invalid_parameter(creditInformation.creditChargeOptions.useTds2)"),
                row("/creditInformation/creditChargeOptions/itemCode", "\"0001990\"", "invalid_parameter(creditInformation.creditChargeOptions.itemCode)"),
                row("/creditInformation/creditChargeOptions/paymentMethod", "\"INSTALLMENT\"", "missing_parameter(creditInformation.creditChargeOptions.installments)"),
                row("/creditInformation/creditChargeOptions/installments", "\"100\"", "invalid_parameter(creditInformation.creditChargeOptions.installments)"),
                row("/additionalOptions", "{\"key\":\"value\"}", null));
    }

    private static Arguments row(String pointer, String value, String expected) {
        return Arguments.of(pointer, value, expected);
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @MethodSource("rows")
    void validation(String pointer, String value, String expected) {
        ObjectNode body = (ObjectNode) JSON.readTree(VALID);
        if (!pointer.isEmpty()) {
            int slash = pointer.lastIndexOf('/');
            ObjectNode parent = (ObjectNode) body.at(pointer.substring(0, slash));
            String name = pointer.substring(slash + 1);
            if ("ABSENT".equals(value)) {
                parent.remove(name);
            } else {
                parent.set(name, JSON.readTree(value));
            }
        }
        Optional<Problem> problem = ENDPOINT.validate(body);
        assertThat(problem.map(CreditChargeValidationTest::describe).orElse(null)).isEqualTo(expected);
    }

    private static String describe(Problem problem) {
        String detail = problem.detail();
        return problem.title().title() + detail.substring(detail.lastIndexOf('('));
    }

}
