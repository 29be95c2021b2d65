package jp.kessai.platform.tls;

import java.util.List;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * When TLS is enabled ({@code server.ssl.*}) and the operator did not choose protocols or cipher suites, Kessai
 * allows TLS 1.2 with exactly the suites seed 003 lists (TLSの暗号スイート), and TLS 1.3 with its standard AEAD suites.
 * Runs after Spring Boot's own customizer, so explicit {@code server.ssl.enabled-protocols} / {@code ciphers} win.
 */
@Component
class TlsDefaults implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {

    static final List<String> PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    /** Seed 003, in the seed's order; then the TLS 1.3 suites (TLS 1.3 has no others worth refusing). */
    static final List<String> CIPHERS = List.of(
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384");

    @Override
    public void customize(AbstractConfigurableWebServerFactory factory) {
        Ssl ssl = factory.getSsl();
        if (!Ssl.isEnabled(ssl)) {
            return;
        }
        if (ssl.getEnabledProtocols() == null) {
            ssl.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        }
        if (ssl.getCiphers() == null) {
            ssl.setCiphers(CIPHERS.toArray(String[]::new));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
