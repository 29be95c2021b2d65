package jp.kessai.junit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A sandbox Kessai for a JUnit 5 test: started in this JVM on a free loopback port with a throw-away embedded
 * PostgreSQL, stopped and deleted afterwards (docs/junit.md).
 *
 * <pre>{@code
 * @RegisterExtension
 * static KessaiExtension kessai = KessaiExtension.sandbox();   // one Kessai for the class
 *
 * @Test
 * void pays() {
 *     String url = kessai.idpassUrl("EntryTranJcbPreca");
 *     String credentials = kessai.demoShop().idpassCredentials();
 *     ...
 * }
 * }</pre>
 *
 * <p>In a static field, one Kessai serves every test of the class (and of its {@code @Nested} classes), and the
 * processors' faults are cleared before each test; in an instance field, each test gets a Kessai of its own. Test and
 * lifecycle methods can also take {@link Kessai}, {@link DemoShop}, {@link SandboxClock}, {@link SandboxFaults},
 * {@link SandboxCards} or {@link SandboxJobs} parameters. Each extension has its own port and data directory, so
 * test classes may run in parallel.
 */
public final class KessaiExtension implements Kessai, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final Set<Class<?>> RESOLVED = Set.of(Kessai.class, DemoShop.class, SandboxClock.class,
            SandboxFaults.class, SandboxCards.class, SandboxJobs.class);

    private final int port;
    private final Map<String, String> properties;
    private final Path dataDirectoryParent;
    private final boolean clearFaultsBeforeEachTest;

    private RunningKessai running;
    /** The unique id of the JUnit context (class or test) that started Kessai, and so stops it. */
    private String owner;

    /** A sandbox Kessai with the default options; what {@link KessaiTest} uses. */
    public KessaiExtension() {
        this(new Builder());
    }

    private KessaiExtension(Builder builder) {
        this.port = builder.port;
        this.properties = Map.copyOf(builder.properties);
        this.dataDirectoryParent = builder.dataDirectoryParent;
        this.clearFaultsBeforeEachTest = builder.clearFaultsBeforeEachTest;
    }

    /** A sandbox Kessai with the default options: a free port, a temporary data directory. */
    public static KessaiExtension sandbox() {
        return new KessaiExtension();
    }

    /** Options: a fixed port, Kessai properties, where the data directory goes. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startFor(context) && clearFaultsBeforeEachTest) {
            running().faults.clearAll();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    /** Starts Kessai unless it runs already (for an enclosing class); answers whether it started it. */
    private synchronized boolean startFor(ExtensionContext context) {
        if (running != null) {
            return false;
        }
        running = RunningKessai.start(port, properties, dataDirectoryParent);
        owner = context.getUniqueId();
        return true;
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (running != null && context.getUniqueId().equals(owner)) {
            try {
                running.stop();
            } finally {
                running = null;
                owner = null;
            }
        }
    }

    private synchronized RunningKessai running() {
        if (running == null) {
            throw new IllegalStateException("Kessai is not running: it runs while the tests of the class (static"
                    + " @RegisterExtension field, @KessaiTest) or the test (instance field) that registered it run");
        }
        return running;
    }

    private synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOLVED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (!isRunning()) {
            throw new ParameterResolutionException("Kessai is not running yet where " + type.getSimpleName()
                    + " is asked for: take it in a test or @BeforeEach method, or in @BeforeAll with a static extension");
        }
        if (type == Kessai.class) {
            return this;
        }
        if (type == DemoShop.class) {
            return demoShop();
        }
        if (type == SandboxClock.class) {
            return clock();
        }
        if (type == SandboxFaults.class) {
            return faults();
        }
        if (type == SandboxCards.class) {
            return cards();
        }
        return jobs();
    }

    @Override
    public int port() {
        return running().port();
    }

    @Override
    public String baseUrl() {
        return running().baseUrl();
    }

    @Override
    public DemoShop demoShop() {
        return running().demoShop();
    }

    @Override
    public SandboxClock clock() {
        return running().clock;
    }

    @Override
    public SandboxFaults faults() {
        return running().faults;
    }

    @Override
    public SandboxCards cards() {
        return running().cards;
    }

    @Override
    public SandboxJobs jobs() {
        return running().jobs;
    }

    @Override
    public synchronized String toString() {
        return running == null ? "Kessai (not running)" : "Kessai at " + running.baseUrl();
    }

    /** The options of a {@link KessaiExtension}. */
    public static final class Builder {

        private int port;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Path dataDirectoryParent;
        private boolean clearFaultsBeforeEachTest = true;

        private Builder() {}

        /** A fixed port instead of a free one (0). Two extensions cannot share one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: 0 (a free one) to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A Kessai property (docs/configuration.md), e.g. {@code property("kessai.demo.shop-pass", "pass1234")} or
         * {@code property("kessai.notifications.poll-interval", "1h")}. Overrides the extension's own settings.
         */
        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Where the throw-away data directories are made (default: {@code java.io.tmpdir}). */
        public Builder dataDirectoryParent(Path directory) {
            this.dataDirectoryParent = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Whether the processors' faults and latencies are cleared before each test when one Kessai serves several
         * tests (default true).
         */
        public Builder clearFaultsBeforeEachTest(boolean clear) {
            this.clearFaultsBeforeEachTest = clear;
            return this;
        }

        public KessaiExtension build() {
            return new KessaiExtension(this);
        }
    }
}
