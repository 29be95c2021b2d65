package jp.kessai.platform.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Kessai's version: the Maven project version, from the build information that {@code spring-boot-maven-plugin}'s
 * {@code build-info} goal writes (also shown by {@code /actuator/info}), else from the jar's manifest. Logs one line
 * with the version and the listening address when the application is ready, in every mode.
 */
@Component
public class KessaiVersion {

    private static final Logger log = LoggerFactory.getLogger(KessaiVersion.class);

    private final String value;
    private final Environment environment;

    KessaiVersion(ObjectProvider<BuildProperties> build, Environment environment) {
        BuildProperties properties = build.getIfAvailable();
        String manifest = KessaiVersion.class.getPackage().getImplementationVersion();
        this.value = properties != null ? properties.getVersion() : manifest != null ? manifest : "(unknown version)";
        this.environment = environment;
    }

    public String value() {
        return value;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String address = ListeningAddress.of(environment);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Kessai {} listening on {}", value, address == null ? "every address, port " + port : address + ":" + port);
    }
}
