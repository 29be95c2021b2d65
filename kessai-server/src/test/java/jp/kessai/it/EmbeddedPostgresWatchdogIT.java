package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 finding 7: after a {@code kill -9} of Kessai its embedded PostgreSQL kept running and holding its port until
 * Kessai started again. The watchdog started beside the server stops it as soon as the JVM is gone, however it went.
 */
class EmbeddedPostgresWatchdogIT {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    /** "Within a few seconds": a fast shutdown of an idle server takes well under one. */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10);

    @Test
    void anOrphanedPostgresqlKeptRunningAfterKill9() throws Exception {
        Path dataDir = Path.of("target", "it-data", "watchdog-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        Process kessai = start(dataDir, port);
        long postmaster;
        int databasePort;
        List<ProcessHandle> children;
        try {
            await(port, kessai);
            List<String> pidFile = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
            postmaster = Long.parseLong(pidFile.get(0).strip());
            databasePort = Integer.parseInt(pidFile.get(3).strip());
            assertThat(ProcessHandle.of(postmaster)).as("the postmaster runs").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(listening(databasePort)).isTrue();
            children = kessai.descendants().toList();
            assertThat(children).as("the watchdog is Kessai's child").anySatisfy(
                    p -> assertThat(p.info().commandLine().orElse("")).contains("kessai-pg-watchdog"));
        } finally {
            kessai.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }

        long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
        while (alive(postmaster) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(alive(postmaster)).as("the postmaster ended within %s of the kill", STOPPED_WITHIN).isFalse();
        assertThat(listening(databasePort)).as("its port is free").isFalse();
        assertThat(children).as("nothing Kessai started outlives it").noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("a clean shutdown removes the pid file").doesNotExist();

        Process again = start(dataDir, port);
        try {
            await(port, again);
        } finally {
            again.destroy(); // SIGTERM: the orderly stop ends server and watchdog too
            again.waitFor();
        }
        assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("stopped by the orderly shutdown").doesNotExist();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Process start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString(), "--server.port=" + port,
                "--kessai.data-dir=" + dataDir, "--kessai.reconciler.interval=1h"));
        Files.createDirectories(dataDir);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("kessai-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run through `./mvnw verify`: the jar is built first"));
        }
    }

    private static void await(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("Kessai exited during start-up").isTrue();
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Kessai did not start within " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
