package jp.kessai.platform.startup;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode listens on 127.0.0.1 unless {@code server.address} says otherwise: the sandbox API has no
 * authentication, so offering it to other machines must be a choice. Without the sandbox, Spring Boot's default
 * (every address) applies.
 */
@Component
public class ListeningAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    public static final String SANDBOX_DEFAULT = "127.0.0.1";

    private final Environment environment;

    ListeningAddress(Environment environment) {
        this.environment = environment;
    }

    /** The address Kessai listens on, or {@code null} for every address. */
    public static String of(Environment environment) {
        String configured = environment.getProperty("server.address");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return environment.getProperty("kessai.sandbox.enabled", Boolean.class, true) ? SANDBOX_DEFAULT : null;
    }

    /** Whether {@code server.address} was set (the banner says so). */
    public static boolean isExplicit(Environment environment) {
        String configured = environment.getProperty("server.address");
        return configured != null && !configured.isBlank();
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        String address = of(environment);
        if (address != null && !isExplicit(environment)) {
            try {
                factory.setAddress(java.net.InetAddress.getByName(address));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("cannot resolve " + address, e);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
