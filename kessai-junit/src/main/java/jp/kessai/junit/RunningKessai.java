package jp.kessai.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import jp.kessai.KessaiApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * One Kessai application started in this JVM: its own Spring context, port, data directory and embedded PostgreSQL.
 * Its configuration is isolated from the test suite's: Kessai's own defaults (its application.properties), then an
 * optional {@code kessai-junit.properties} on the test classpath, then the extension's settings; it reads neither the
 * test JVM's system properties and environment variables nor the test classpath's application.properties, which
 * belong to the merchant's own application.
 */
final class RunningKessai {

    /** The configuration file name Kessai looks for on the test classpath (instead of application.properties). */
    static final String CONFIG_NAME = "kessai-junit";

    private final ConfigurableApplicationContext context;
    private final Path dataDirectory;
    private final boolean deleteDataDirectory;
    private final int port;
    private final String baseUrl;
    private final DemoShop demoShop;
    private final SandboxHttp sandbox;
    final SandboxClock clock;
    final SandboxFaults faults;
    final SandboxCards cards;
    final SandboxJobs jobs;

    private RunningKessai(ConfigurableApplicationContext context, Path dataDirectory, boolean deleteDataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
        this.deleteDataDirectory = deleteDataDirectory;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
        var environment = context.getEnvironment();
        this.demoShop = new DemoShop(environment.getRequiredProperty("kessai.demo.shop-id"),
                environment.getRequiredProperty("kessai.demo.shop-pass"));
        this.sandbox = new SandboxHttp(baseUrl);
        this.clock = new SandboxClock(sandbox);
        this.faults = new SandboxFaults(sandbox);
        this.cards = new SandboxCards(sandbox);
        this.jobs = new SandboxJobs(sandbox);
    }

    static RunningKessai start(int port, Map<String, String> properties, Path dataDirectoryParent) {
        Path dataDirectory;
        try {
            Path parent = dataDirectoryParent != null ? dataDirectoryParent : Path.of(System.getProperty("java.io.tmpdir"));
            dataDirectory = Files.createTempDirectory(Files.createDirectories(parent), "kessai-junit-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for Kessai", e);
        }
        var settings = new LinkedHashMap<String, Object>();
        settings.put("server.port", Integer.toString(port));
        settings.put("server.address", "127.0.0.1");
        settings.put("kessai.data-dir", dataDirectory.toString());
        settings.put("kessai.sandbox.enabled", "true");
        settings.put("spring.datasource.url", "");
        settings.put("spring.config.name", CONFIG_NAME);
        // several Kessais (and the merchant's own application) in one JVM: each keeps its metrics to itself
        settings.put("management.metrics.use-global-registry", "false");
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(properties);

        var environment = new IsolatedEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("kessaiExtension", settings));
        var application = new SpringApplication(KessaiApplication.class);
        application.setEnvironment(environment);
        application.setDefaultProperties(kessaiDefaults());
        application.setBannerMode(Banner.Mode.OFF);
        try {
            return new RunningKessai(application.run(), dataDirectory, true);
        } catch (RuntimeException e) {
            delete(dataDirectory);
            throw e;
        }
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return baseUrl;
    }

    DemoShop demoShop() {
        return demoShop;
    }

    /** Stops Kessai and its embedded PostgreSQL, and deletes the data directory. */
    void stop() {
        try {
            sandbox.close();
            context.close();
        } finally {
            if (deleteDataDirectory) {
                delete(dataDirectory);
            }
        }
    }

    /**
     * Kessai's own application.properties: the one in the jar (or classes directory) that holds KessaiApplication,
     * which an application.properties of the test classpath could otherwise hide.
     */
    private static Properties kessaiDefaults() {
        var source = KessaiApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null ? null : source.getLocation().toString();
        try {
            Enumeration<URL> candidates = KessaiApplication.class.getClassLoader().getResources("application.properties");
            while (candidates.hasMoreElements()) {
                URL candidate = candidates.nextElement();
                String url = candidate.toString();
                if (location != null && (url.startsWith(location) || url.startsWith("jar:" + location + "!"))) {
                    var defaults = new Properties();
                    try (InputStream in = candidate.openStream()) {
                        defaults.load(in);
                    }
                    return defaults;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kessai's application.properties", e);
        }
        throw new IllegalStateException("Kessai's application.properties is not beside " + location);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary directory
        }
    }

    /** A servlet environment without the JVM's system properties and environment variables. */
    private static final class IsolatedEnvironment extends StandardServletEnvironment {
        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
            propertySources.addLast(new PropertySource.StubPropertySource(SERVLET_CONFIG_PROPERTY_SOURCE_NAME));
            propertySources.addLast(new PropertySource.StubPropertySource(SERVLET_CONTEXT_PROPERTY_SOURCE_NAME));
        }
    }
}
