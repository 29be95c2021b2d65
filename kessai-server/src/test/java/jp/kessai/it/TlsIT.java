package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With TLS enabled and no protocol or suite chosen, Kessai speaks TLS 1.2 with the seed's suites only (and TLS 1.3).
 * (Modern JDK clients refuse the seed's static-RSA suites themselves, so they are not tried here.)
 * A self-signed test certificate (src/test/resources/tls, password changeit) stands in for the operator's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kessai.data-dir=target/it-data/${random.uuid}",
        "kessai.reconciler.interval=1h",
        "server.ssl.enabled=true",
        "server.ssl.key-store=classpath:tls/test-keystore.p12",
        "server.ssl.key-store-type=PKCS12",
        "server.ssl.key-store-password=changeit",
        "server.ssl.key-alias=kessai"})
class TlsIT {

    @LocalServerPort
    int port;

    @Test
    void aSeedSuiteOverTls12IsAccepted() throws Exception {
        assertThat(handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo("TLSv1.2");
        assertThat(handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")).isEqualTo("TLSv1.2");
        assertThat(handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256")).isEqualTo("TLSv1.3");
    }

    @Test
    void aSuiteTheSeedDoesNotListIsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> handshake("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256")).isInstanceOf(IOException.class);
    }

    private String handshake(String protocol, String suite) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** The test certificate is self-signed; this test checks protocols and suites, not the chain. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
