package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-MP-Version resolution, IP allowlist matching, concurrency defaults and the result-code table. */
class PlatformRulesTest {

    @ParameterizedTest(name = "X-MP-Version {0} runs as {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, 2023-06", "'', 2023-06", "2023-06, 2023-06", "2023-10, 2023-06", "2099-01, 2023-06",
            "2023-13, 2023-06", "2023-6, 2023-06", "garbage, 2023-06", "2020-01, 2023-06"})
    void versions(String header, String expected) {
        assertThat(ApiVersions.resolve(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "127.0.0.1, 127.0.0.0/8, true", "127.0.0.1, 10.0.0.0/8, false", "10.1.2.3, 10.0.0.0/8, true",
            "192.0.2.1, 192.0.2.1, true", "192.0.2.2, 192.0.2.1, false", "192.0.2.130, 192.0.2.128/25, true",
            "192.0.2.127, 192.0.2.128/25, false", "::1, ::1/128, true", "::1, 127.0.0.1, false",
            "127.0.0.1, 127.0.0.0/33, false", "127.0.0.1, example.com, false"})
    void allowlists(String client, String range, boolean allowed) throws Exception {
        assertThat(ShopAuthenticator.inRange(InetAddress.getByName(client).getAddress(), range)).isEqualTo(allowed);
    }

    @Test
    void anEndpointWithoutAnAllowlistIsOpen() {
        var shop = new Shop(1, "tshop", null, ShopMode.TEST, ShopSettings.defaults()
                .withOpenApiAccess(true, Map.of("/credit/charge", List.of("10.0.0.0/8")), Map.of()));
        assertThat(ShopAuthenticator.allowed(shop, "/order/inquiry", "127.0.0.1")).isTrue();
        assertThat(ShopAuthenticator.allowed(shop, "/credit/charge", "127.0.0.1")).isFalse();
        assertThat(ShopAuthenticator.allowed(shop, "/credit/charge", "10.9.9.9")).isTrue();
    }

    @Test
    void concurrencyLimitsFollowTheSeedUnlessTheShopSaysOtherwise() {
        var shop = new Shop(1, "tshop", null, ShopMode.TEST, ShopSettings.defaults()
                .withOpenApiAccess(true, Map.of(), Map.of("/order/inquiry", 20)));
        assertThat(ConcurrencyLimiter.limit(shop, "/credit/charge")).isEqualTo(5);
        assertThat(ConcurrencyLimiter.limit(shop, "/token")).isEqualTo(5);
        assertThat(ConcurrencyLimiter.limit(shop, "/order/capture")).isEqualTo(10);
        assertThat(ConcurrencyLimiter.limit(shop, "/order/inquiry")).isEqualTo(20);
    }

    @Test
    void everyResultCodeHasAProblemAndDeclineCodesAreAppended() {
        for (ResultCode code : ResultCode.values()) {
            if (code != ResultCode.OK) {
                assertThat(OpenApiResultCodes.of(code, null).detail()).isNotBlank();
            }
        }
        assertThat(OpenApiResultCodes.of(ResultCode.CARD_DECLINED, "G12"))
                .isEqualTo(new Problem(ProblemTitle.CARD_DECLINED, "This card cannot be used for transactions.(G12)"));
        assertThat(OpenApiResultCodes.of(ResultCode.CARD_PROCESSING_FAILURE, "G97").detail())
                .isEqualTo("The charge failed.The decline code is G97.");
    }

    @Test
    void theCatalogueHasTheSeedsTitlesAndStatuses() {
        assertThat(ProblemTitle.values()).hasSize(23);
        assertThat(ProblemTitle.TOO_MANY_REQUESTS.title()).isEqualTo("too_many_requests");
        assertThat(ProblemTitle.TOO_MANY_REQUESTS.status).isEqualTo(429);
        assertThat(ProblemTitle.MAINTENANCE.status).isEqualTo(502);
        assertThat(ProblemTitle.SERVICE_UNAVAILABLE.status).isEqualTo(503);
        assertThat(ProblemTitle.UNAUTHORIZED_REQUEST.status).isEqualTo(401);
    }
}
