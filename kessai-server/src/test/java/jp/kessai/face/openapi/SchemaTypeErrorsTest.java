package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Regression: {@code /order/inquiry} with a number as {@code accessId} answered 500 (the value was read before the
 * schema looked at it). For every endpoint, every member of a full valid request is replaced by each JSON type it is
 * not — a number, a boolean, an object, an array, a string — and the endpoint must answer the catalogue's
 * {@code 400 invalid_parameter} naming that member, before anything else runs (the core services are null here: a
 * request that got past validation would fail with a NullPointerException).
 */
class SchemaTypeErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiJson OPENAPI_JSON = new OpenApiJson(JSON);
    private static final Shop SHOP = new Shop(1, "tshop00000001", null, ShopMode.TEST, ShopSettings.defaults());
    private static final String ACCESS_ID = "0123456789abcdef0123456789abcdef";

    /** A charge using every member the schema facts describe for card charges (3-D Secure data is validated too). */
    private static final String CHARGE = """
            {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
              "nameShort":"サンプル","contactName":"サポート窓口","contactEmail":"support@example.com",
              "contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},
             "order":{"orderId":"order-001","amount":"1000","currency":"JPY","transactionType":"CIT",
              "clientFields":{"clientField1":"a","clientField2":"b","clientField3":"c"},
              "items":[{"name":"item","quantity":1,"type":"PHYSICAL","price":"1000","category":"1234"}],
              "shippingAddress":{"name":"見本 太郎","line1":"1-1","city":"渋谷区","state":"131","postCode":"150-0001"},
              "addressMatch":false},
             "payer":{"name":"見本 太郎","email":"taro@example.com","phones":[{"type":"MOBILE","countryCode":"81",
              "number":"090-1234-5678"}]},
             "creditInformation":{"card":{"cardNumber":"4111111111111111","expiryMonth":"06","expiryYear":"2033",
               "securityCode":"123","cardholderName":"TARO MIHON"},
              "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false,"useFraudDetection":false,
               "itemCode":"0000990","paymentMethod":"ONE_TIME"}},
             "tds2Information":{"tds2Options":{"skipNotEnrolledCard":false,"requiresChallenge":false}},
             "additionalOptions":{"any":"thing"}}""";

    private static final Map<String, String> REQUESTS = Map.of(
            "/credit/charge", CHARGE,
            "/order/capture", "{\"accessId\":\"" + ACCESS_ID + "\",\"additionalOptions\":{}}",
            "/order/cancel", "{\"accessId\":\"" + ACCESS_ID + "\",\"additionalOptions\":{}}",
            "/order/update", "{\"accessId\":\"" + ACCESS_ID + "\",\"amount\":\"1000\",\"authorizationMode\":\"AUTH\"}",
            "/order/inquiry", "{\"accessId\":\"" + ACCESS_ID + "\",\"orderId\":\"order-001\",\"additionalOptions\":{}}",
            "/tds2/finalizeCharge", "{\"accessId\":\"" + ACCESS_ID + "\",\"additionalOptions\":{}}",
            "/tds2/finalizeVerification", "{\"accessId\":\"" + ACCESS_ID + "\",\"additionalOptions\":{}}");

    private static final Map<String, OpenApiOperation> ENDPOINTS = Map.of(
            "/credit/charge", new CreditChargeEndpoint(JSON, null, null, null, null, OPENAPI_JSON),
            "/order/capture", new OrderCaptureEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            "/order/cancel", new OrderCancelEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            "/order/update", new OrderUpdateEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            "/order/inquiry", new OrderInquiryEndpoint(JSON, null, null, OPENAPI_JSON),
            "/tds2/finalizeCharge", new Tds2FinalizeChargeEndpoint(JSON, null, OPENAPI_JSON, null),
            "/tds2/finalizeVerification", new Tds2FinalizeVerificationEndpoint(JSON, null, OPENAPI_JSON, null, null));

    private static final List<String> WRONG_FOR_STRING = List.of("1", "1.5", "true", "{}", "[]", "{\"a\":\"b\"}", "[\"x\"]");
    private static final List<String> WRONG_FOR_NUMBER = List.of("\"1\"", "true", "{}", "[]");
    private static final List<String> WRONG_FOR_BOOLEAN = List.of("\"false\"", "0", "{}", "[]");
    private static final List<String> WRONG_FOR_OBJECT = List.of("\"x\"", "1", "true", "[]", "[{}]");
    private static final List<String> WRONG_FOR_ARRAY = List.of("\"x\"", "1", "true", "{}");

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        REQUESTS.forEach((path, body) -> collect(path, JSON.readTree(body), "", rows));
        return rows.stream();
    }

    /** One row per member (depth first) and wrong value; the dotted path is what the detail must name. */
    private static void collect(String endpoint, JsonNode node, String path, List<Arguments> rows) {
        if (!path.isEmpty()) {
            List<String> wrong = node.isString() ? WRONG_FOR_STRING : node.isNumber() ? WRONG_FOR_NUMBER
                    : node.isBoolean() ? WRONG_FOR_BOOLEAN : node.isObject() ? WRONG_FOR_OBJECT : WRONG_FOR_ARRAY;
            for (String value : wrong) {
                rows.add(argumentSet(endpoint + " " + path + " = " + value, endpoint, path, value));
            }
        }
        if (node.isObject() && !path.equals("additionalOptions")) { // additionalOptions: any object
            for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                collect(endpoint, node.get(name), path.isEmpty() ? name : path + "." + name, rows);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(endpoint, node.get(i), path + "[" + i + "]", rows);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aMemberOfTheWrongTypeIsAnInvalidParameterNamingIt(String endpoint, String path, String wrongValue) {
        JsonNode body = JSON.readTree(REQUESTS.get(endpoint));
        replace(body, path, JSON.readTree(wrongValue));

        Reply reply = ENDPOINTS.get(endpoint).handle(new OpenApiCall(SHOP, endpoint, body, "2023-06"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problem()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.get("title").stringValue()).isEqualTo("invalid_parameter");
        assertThat(problem.get("detail").stringValue()).isEqualTo("The parameter value is invalid.(" + path + ")");
    }

    /** Guards the rows against passing vacuously: each unchanged request gets past validation to the (null) core. */
    @org.junit.jupiter.api.Test
    void theUnchangedRequestsAreValid() {
        REQUESTS.forEach((endpoint, body) -> org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> ENDPOINTS.get(endpoint).handle(new OpenApiCall(SHOP, endpoint, JSON.readTree(body), "2023-06")))
                .as(endpoint).isInstanceOf(NullPointerException.class));
    }

    /** Sets the member at a dotted path with [i] indexes, e.g. {@code order.items[0].name}. */
    private static void replace(JsonNode root, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            boolean last = i == steps.length - 1;
            if (bracket < 0) {
                if (last) {
                    ((ObjectNode) node).set(name, value);
                } else {
                    node = node.get(name);
                }
                continue;
            }
            int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
            JsonNode array = node.get(name);
            if (last) {
                ((ArrayNode) array).set(index, value);
            } else {
                node = array.get(index);
            }
        }
    }
}
