package jp.kessai.core.credit;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.core.shop.ShopSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Settings rows written before the OpenAPI and credit fields existed still read, with the documented defaults. */
class ShopSettingsCompatibilityTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void oldRowsTakeTheDefaults() {
        ShopSettings old = json.readValue("{\"jcbPrecaContracted\":true}", ShopSettings.class);
        assertThat(old.passwordAuthAllowed()).isTrue();
        assertThat(old.ipAllowlists()).isEmpty();
        assertThat(old.concurrencyLimits()).isEmpty();
        assertThat(old.pciDssCompliant()).isFalse();
        assertThat(old.creditContracted()).isTrue();
        assertThat(old.installmentCounts()).isEmpty();
        assertThat(old.bonusContracted()).isFalse();
        assertThat(old.revolvingContracted()).isFalse();
    }

    @Test
    void settingsRoundTrip() {
        ShopSettings all = ShopSettings.defaults().withEverythingContracted();
        assertThat(json.readValue(json.writeValueAsString(all), ShopSettings.class)).isEqualTo(all);
    }
}
