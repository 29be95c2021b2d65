package jp.kessai.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlPolicyTest {

    private final OutboundUrlPolicy policy = new OutboundUrlPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "fc00::1", "fe80::1", "224.0.0.1", "192.0.0.8", "240.0.0.1", "198.18.0.1", "2002:7f00:1::", "64:ff9b::7f00:1", "::7f00:1"})
    void internalAddressesAreInternal(String ip) throws Exception {
        assertThat(OutboundUrlPolicy.isInternal(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "133.242.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddressesAreNot(String ip) throws Exception {
        assertThat(OutboundUrlPolicy.isInternal(InetAddress.getByName(ip))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/x|only http and https URLs are allowed",
            "javascript:alert(1)|only http and https URLs are allowed",
            "http:///nohost|URL has no host",
            "https://user:pw@example.com/|URL must not carry credentials",
            "http://exa mple.com/|URL is not well formed"})
    void badSyntaxIsRefusedWithAReason(String url, String reason) {
        assertThat(OutboundUrlPolicy.checkSyntax(url, 2048)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/notify", "http://localhost/notify", "http://10.0.0.5/x"})
    void privateTargetsAreRefusedUnlessAllowed(String url) {
        assertThat(policy.refuse(url, false)).contains("target resolves to a non-public address");
        assertThat(policy.refuse(url, true)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void overlongUrlsAreRefused() {
        assertThat(policy.refuse("https://example.com/" + "a".repeat(2048), true)).isPresent();
    }
}
