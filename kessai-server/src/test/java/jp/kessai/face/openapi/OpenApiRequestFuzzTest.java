package jp.kessai.face.openapi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.fuzz.GoldenSeeds;
import jp.kessai.fuzz.WireInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target: JSON parsing, schema validation and each endpoint's own checks, from any request body, for every
 * endpoint with a body (credit, orders, 3-D Secure's finalisations, the vault and its members). The first byte picks
 * the endpoint, the rest is the body. Whatever the bytes: the parser either refuses them (the controller's
 * invalid_parameter) or the endpoint answers 400 with a problem of the catalogue naming itself as the instance, or the
 * request passed every check and reached the core — which is {@code null} here, so that shows as the one
 * NullPointerException {@link WireInvariants#reachedTheCore} recognises. Anything else thrown is a finding. Seeded from
 * the golden files under {@code src/test/resources/openapi} (requests and responses).
 */
class OpenApiRequestFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiJson OPENAPI_JSON = new OpenApiJson(JSON);
    private static final Shop SHOP = new Shop(1, "tshop00000001", null, ShopMode.TEST, ShopSettings.defaults());
    /** 3-D Secure's wire with a fixed public base URL (the real one reads it from the current HTTP request). */
    private static final Tds2Wire TDS2 = new Tds2Wire(OPENAPI_JSON, null) {
        @Override
        String base() {
            return "https://kessai.example";
        }
    };
    private static final VaultViews VAULT_VIEWS = new VaultViews(OPENAPI_JSON);
    private static final CardResolver CARDS = new CardResolver(null, JSON);
    /** The charging endpoints' shared answers: only 3-D Secure's wire is used before the core is reached. */
    private static final ChargeAnswers ANSWERS = new ChargeAnswers(null, null, OPENAPI_JSON, null, TDS2);
    /** Every openapi endpoint with a request body; its core services (and nothing of the face) left null. */
    private static final List<OpenApiOperation> ENDPOINTS = List.of(
            new CreditChargeEndpoint(JSON, null, null, CARDS, ANSWERS, OPENAPI_JSON),
            new OrderCaptureEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            new OrderCancelEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            new OrderUpdateEndpoint(JSON, null, OPENAPI_JSON, null, null, null),
            new OrderInquiryEndpoint(JSON, null, null, OPENAPI_JSON),
            new Tds2FinalizeChargeEndpoint(JSON, null, OPENAPI_JSON, null),
            new Tds2FinalizeVerificationEndpoint(JSON, null, OPENAPI_JSON, null, VAULT_VIEWS),
            new CreditVerifyCardEndpoint(JSON, null, null, VAULT_VIEWS, OPENAPI_JSON, null, CARDS, ANSWERS, null),
            new CreditOnfileChargeEndpoint(JSON, null, null, ANSWERS, OPENAPI_JSON),
            new CreditStoreCardEndpoint(JSON, null, VAULT_VIEWS, OPENAPI_JSON, CARDS),
            new CreditGetCardDetailsEndpoint(JSON, null, VAULT_VIEWS, OPENAPI_JSON, CARDS),
            new MemberEndpoints.Create(JSON, null, VAULT_VIEWS, OPENAPI_JSON),
            new MemberEndpoints.Inquiry(JSON, null, VAULT_VIEWS, OPENAPI_JSON),
            new MemberEndpoints.Delete(JSON, null, VAULT_VIEWS, OPENAPI_JSON),
            new MemberEndpoints.DeleteItem(JSON, null, VAULT_VIEWS, OPENAPI_JSON));
    private static final Set<String> TITLES = titles();

    static Stream<Arguments> goldenFiles() {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] file : GoldenSeeds.files("openapi", ".json")) {
            for (int endpoint = 0; endpoint < ENDPOINTS.size(); endpoint++) {
                seeds.add(GoldenSeeds.prefixed(endpoint, file));
            }
        }
        return GoldenSeeds.arguments(seeds);
    }

    @MethodSource("goldenFiles")
    @FuzzTest(maxDuration = "5s")
    void jsonSchemaAndEndpointChecks(byte[] input) {
        if (input.length == 0) {
            return;
        }
        OpenApiOperation endpoint = ENDPOINTS.get(Byte.toUnsignedInt(input[0]) % ENDPOINTS.size());
        JsonNode body;
        try {
            body = OPENAPI_JSON.parse(Arrays.copyOfRange(input, 1, input.length));
        } catch (JacksonException refused) {
            return; // the controller answers invalid_parameter "not valid JSON"
        }
        if (body == null || !body.isObject()) {
            return; // the controller answers invalid_parameter "must be a JSON object"
        }
        Reply reply;
        try {
            reply = endpoint.handle(new OpenApiCall(SHOP, endpoint.path(), body, ApiVersions.LATEST));
        } catch (RuntimeException e) {
            if (WireInvariants.reachedTheCore(e)) {
                return;
            }
            throw e;
        }
        check(reply.problem() && reply.status() == 400, endpoint.path() + " answered " + reply.status() + " " + reply.body());
        JsonNode problem = JSON.readTree(reply.body());
        check(TITLES.contains(problem.get("title").stringValue()), "title outside the catalogue: " + reply.body());
        check(!problem.get("detail").stringValue().isBlank(), "no detail: " + reply.body());
        check(endpoint.path().equals(problem.get("instance").stringValue()), "instance: " + reply.body());
    }

    /** The seeds of src/test/resources/openapi/requests are valid: they get past every check to the (null) core. */
    @Test
    void theGoldenRequestsReachTheCore() {
        List<byte[]> requests = GoldenSeeds.files("openapi/requests", ".json");
        check(requests.size() == ENDPOINTS.size(), "one golden request per endpoint");
        for (byte[] request : requests) {
            JsonNode body = JSON.readTree(request);
            List<String> answers = new ArrayList<>();
            long reached = ENDPOINTS.stream().filter(endpoint -> {
                try {
                    Reply reply = endpoint.handle(new OpenApiCall(SHOP, endpoint.path(), body, ApiVersions.LATEST));
                    answers.add(endpoint.path() + " " + reply.status() + " " + reply.body());
                    return false;
                } catch (RuntimeException e) {
                    answers.add(endpoint.path() + " " + e);
                    return WireInvariants.reachedTheCore(e);
                }
            }).count();
            check(reached >= 1, "a golden request that no endpoint accepts: " + new String(request, java.nio.charset.StandardCharsets.UTF_8)
                    + "\n" + String.join("\n", answers));
        }
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }

    private static Set<String> titles() {
        return Arrays.stream(ProblemTitle.values()).map(ProblemTitle::title).collect(java.util.stream.Collectors.toSet());
    }
}
