package jp.kessai.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ListeningAddressTest {

    @Test
    void sandboxModeDefaultsToLoopbackAndAnExplicitAddressWins() {
        assertThat(ListeningAddress.of(new MockEnvironment())).isEqualTo("127.0.0.1");
        assertThat(ListeningAddress.isExplicit(new MockEnvironment())).isFalse();
        var explicit = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        assertThat(ListeningAddress.of(explicit)).isEqualTo("0.0.0.0");
        assertThat(ListeningAddress.isExplicit(explicit)).isTrue();
        assertThat(ListeningAddress.of(new MockEnvironment().withProperty("kessai.sandbox.enabled", "false")))
                .as("every address").isNull();
        assertThat(ListeningAddress.of(new MockEnvironment().withProperty("kessai.sandbox.enabled", "false")
                .withProperty("server.address", "10.0.0.5"))).isEqualTo("10.0.0.5");
    }
}
