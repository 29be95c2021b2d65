package jp.kessai.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** Issue 12: credentials are checked against their formats at start-up; one row per rule. */
class ConfiguredCredentialsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theDefaultsAndWellFormedValuesPass() {
        assertThat(ConfiguredCredentials.violations(new MockEnvironment())).isEmpty();
        var environment = new MockEnvironment().withProperty("kessai.demo.shop-id", "tshop00000099")
                .withProperty("kessai.demo.shop-pass", "Abc12345").withProperty("kessai.demo.robot-aid", "123456")
                .withProperty("kessai.crypto.master-key", KEY).withProperty("kessai.vault.production.kek", KEY)
                .withProperty("kessai.admin.token", "it-admin-token-0123456789");
        assertThat(ConfiguredCredentials.violations(environment)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kessai.demo.shop-pass | kessai012    | kessai.demo.shop-pass must be 1 to 8 letters and digits (the protocol type's ShopPass, CHAR 8); it has 9 characters",
            "kessai.demo.shop-pass | kessai-1     | kessai.demo.shop-pass must be 1 to 8 letters and digits (the protocol type's ShopPass, CHAR 8); it has 8 characters, not all letters and digits",
            "kessai.demo.shop-id   | tshop000000012 | kessai.demo.shop-id must be 1 to 13 letters and digits (the protocol type's ShopID, CHAR 13); it has 14 characters",
            "kessai.demo.robot-aid | 12345        | kessai.demo.robot-aid must be exactly 6 digits (ROBOT PAYMENT's store ID, aid); it has 5 characters",
            "kessai.crypto.master-key | AAAA      | kessai.crypto.master-key must be base64 of exactly 32 bytes (e.g. the output of: openssl rand -base64 32)",
            "kessai.vault.test.fingerprint-key | not base64! | kessai.vault.test.fingerprint-key must be base64 of exactly 32 bytes (e.g. the output of: openssl rand -base64 32)",
            "kessai.admin.token    | short        | kessai.admin.token must be 16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token), it has 5 characters",
            "kessai.admin.token    | with a space in the token | kessai.admin.token must be 16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token), it has 25 characters"})
    void aBadSettingIsNamedWithItsRuleAndNeverItsValue(String setting, String value, String report) {
        var violations = ConfiguredCredentials.violations(new MockEnvironment().withProperty(setting, value));
        assertThat(violations).containsExactly(report);
        assertThat(ConfiguredCredentials.refusal(violations).description()).doesNotContain(value);
    }

    @Test
    void theDemoShopIsNotCheckedWithoutTheSandbox() {
        var environment = new MockEnvironment().withProperty("kessai.sandbox.enabled", "false")
                .withProperty("kessai.demo.shop-pass", "far-too-long-a-password");
        assertThat(ConfiguredCredentials.violations(environment)).isEmpty();
    }

    @Test
    void theRulesAreTheShopDirectorysOwn() {
        assertThat(ConfiguredCredentials.SHOP_ID.pattern()).isEqualTo(jp.kessai.core.shop.Shop.SHOP_ID_FORMAT.pattern());
        assertThat(ConfiguredCredentials.SHOP_PASS.pattern()).isEqualTo(jp.kessai.core.shop.Shop.SHOP_PASS_FORMAT.pattern());
        assertThat(ConfiguredCredentials.ROBOT_AID.pattern()).isEqualTo(jp.kessai.core.shop.Shop.ROBOT_AID_FORMAT.pattern());
    }
}
