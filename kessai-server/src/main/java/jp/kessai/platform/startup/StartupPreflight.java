package jp.kessai.platform.startup;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import jp.kessai.KessaiApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Checks, as soon as the configuration is read and before any bean (and so before the embedded PostgreSQL and the
 * migrations), that this Kessai can have its HTTP port and its data directory. Otherwise Tomcat would find the port
 * taken only after the database was up, half a minute later, with a long stack trace. Registered in
 * META-INF/spring.factories so that it runs for {@code java -jar}, {@code spring-boot:run} and tests alike.
 */
public class StartupPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String LOCK_FILE = "kessai.lock";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!event.getSpringApplication().getAllSources().contains(KessaiApplication.class)) {
            // spring.factories registers this listener for every Spring Boot application in the JVM: a merchant's
            // test suite that starts Kessai with kessai-junit starts its own applications beside it (docs/junit.md)
            return;
        }
        Environment environment = event.getEnvironment();
        checkPort(environment);
        checkDataDirectory(environment);
    }

    private static void checkPort(Environment environment) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return; // a free port is picked; nothing can be taken
        }
        String address = ListeningAddress.of(environment);
        InetAddress bindAddress;
        try {
            bindAddress = address == null ? null : InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new StartupRefused("server.address=" + address + " is not an address of this machine.",
                    "Set server.address to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0.");
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Tomcat binds: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(bindAddress, port));
        } catch (BindException e) {
            throw new StartupRefused("Port " + port + " on " + (address == null ? "every address" : address)
                    + " is already in use, perhaps by another Kessai.",
                    "Stop the process that uses the port, or start Kessai on another one, e.g. --server.port="
                            + (port == 9090 ? 9091 : 9090) + ".");
        } catch (IOException e) {
            throw new StartupRefused("Kessai cannot listen on port " + port + ": " + e.getMessage(),
                    "Choose another port (--server.port) or address (--server.address).");
        }
    }

    /** Only the embedded database has a data directory that two Kessais could share. */
    private static void checkDataDirectory(Environment environment) {
        String externalUrl = environment.getProperty("spring.datasource.url");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("kessai.data-dir", "./data")).toAbsolutePath().normalize();
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw dataDirectoryInUse(dataDir);
            }
            lock.release();
        } catch (IOException e) {
            // unreadable lock file: the embedded server's own start reports what is wrong
        }
    }

    /** The same report for the check here and for the lock the embedded server takes (a start racing this one). */
    public static StartupRefused dataDirectoryInUse(Path dataDir) {
        return new StartupRefused("Another Kessai is running on the data directory " + dataDir + " (it holds "
                + dataDir.resolve(LOCK_FILE) + ").",
                "Stop that Kessai, or give this one its own data directory, e.g. --kessai.data-dir=./data2;"
                        + " several nodes share one external PostgreSQL instead.");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after logging and the configuration are set up
    }
}
