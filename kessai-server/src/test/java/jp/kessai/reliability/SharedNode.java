package jp.kessai.reliability;

import java.nio.file.Path;
import java.util.UUID;
import jp.kessai.it.KessaiProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kessai process (and its data directory) shared by the battery's tests that need a running node but no crash
 * of their own: {@link RaceIT}, {@link AuthorizationIT}, {@link LeakScanIT}. A Kessai start is most of what such a
 * test costs (20-60 s on a loaded 2-core machine), and sharing makes the leak scan, which runs last
 * ({@code @Order} and the class orderer set for failsafe in pom.xml), search a log, a data directory and a dump that
 * hold every other shared test's traffic too.
 *
 * <p>Use it with {@code @ExtendWith(SharedNode.class)}; the node starts at the first test class that needs it and
 * stops when the whole run ends (or when {@link #stopForScan()} stops it for the leak scan; a later class starts it
 * again on the same data directory).
 */
final class SharedNode implements BeforeAllCallback {

    private static KessaiProcess node;
    private static Path dataDir;
    private static int pgPort;
    private static int starts;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        node();
        // closed once, when the run ends (the root context's store closes its AutoCloseable values)
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedNode.class.getName(), k -> (AutoCloseable) SharedNode::close, AutoCloseable.class);
    }

    static synchronized KessaiProcess node() throws Exception {
        if (node == null) {
            dataDir = Path.of("target", "it-data", "battery-shared-" + UUID.randomUUID()).toAbsolutePath();
            pgPort = KessaiProcess.freePort();
            node = KessaiProcess.on(dataDir, KessaiProcess.freePort(), "--kessai.embedded-postgres.port=" + pgPort);
        }
        if (!node.alive()) {
            node.startAndAwait();
            starts++;
        }
        return node;
    }

    static synchronized Ledger ledger() throws Exception {
        node();
        return Ledger.embedded(dataDir, pgPort);
    }

    static synchronized int pgPort() {
        return pgPort;
    }

    /** How many times the shared node started in this run (the figures quote it). */
    static synchronized int starts() {
        return starts;
    }

    /** An orderly stop, so the database files are complete on disk for the leak scan; the node may start again. */
    static synchronized KessaiProcess stopForScan() throws Exception {
        node.close();
        return node;
    }

    private static synchronized void close() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }
}
