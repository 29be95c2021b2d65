package jp.kessai.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kessai as a separate process, started from the packaged jar the way an operator starts it: {@code java -jar} on a
 * data directory and a port, its output appended to {@code <data-dir>.log} (appended, so a log survives restarts on
 * the same directory). {@link #kill()} is a SIGKILL: no shutdown hook runs, the embedded PostgreSQL is orphaned.
 */
public final class KessaiProcess implements AutoCloseable {

    /** Generous: a start on a loaded CI machine can take a minute or more. */
    public static final Duration STARTUP = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final int port;
    private final List<String> arguments;
    private Process process;

    private KessaiProcess(Path dataDir, int port, List<String> arguments) {
        this.dataDir = dataDir;
        this.port = port;
        this.arguments = arguments;
    }

    /**
     * A node on {@code dataDir} listening on {@code port}; {@code extra} are Spring arguments ({@code --name=value}).
     * The reconciler is off (1 h) unless {@code extra} sets it.
     */
    public static KessaiProcess on(Path dataDir, int port, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--kessai.data-dir=" + dataDir.toAbsolutePath()));
        if (java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("--kessai.reconciler.interval="))) {
            arguments.add("--kessai.reconciler.interval=1h");
        }
        arguments.addAll(List.of(extra));
        return new KessaiProcess(dataDir.toAbsolutePath(), port, arguments);
    }

    /** Starts the process (without waiting for it to be ready). */
    public KessaiProcess start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar",
                jar().toString()));
        command.addAll(arguments);
        Files.createDirectories(dataDir);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        return this;
    }

    /** Starts and waits until the node serves (the sandbox banner is printed once the demo shop exists). */
    public KessaiProcess startAndAwait() throws Exception {
        start();
        try {
            awaitReady();
        } catch (Exception | AssertionError e) {
            kill(); // never leave a half-started node behind, nor its database
            stopOrphanedDatabase();
            throw e;
        }
        return this;
    }

    public void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Kessai exited during start-up; see " + log());
            }
            if (healthy()) {
                // the demo shop is created once the application is ready; give the listener its moment
                Thread.sleep(500);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Kessai did not start within " + STARTUP + "; see " + log());
    }

    private boolean healthy() throws InterruptedException {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGKILL, as a crash: no shutdown hooks, the embedded PostgreSQL keeps running until the next start stops it. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM: an orderly shutdown (which stops the embedded server). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the node, and the embedded PostgreSQL a killed node left behind (SIGTERM to its postmaster: with its
     * Kessai gone it has no clients, so PostgreSQL's smart shutdown ends it at once).
     */
    @Override
    public void close() throws InterruptedException {
        stop();
        stopOrphanedDatabase();
    }

    private void stopOrphanedDatabase() {
        Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
        try {
            if (Files.exists(pid)) {
                long postmaster = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next start on this data directory stops a stale server anyway
        }
    }

    /**
     * The node's threads, virtual ones included ({@code jcmd <pid> Thread.dump_to_file -format=text}), for the report
     * of a run that stalled; a line saying why when there is no dump (the node is not running, jcmd failed or took more
     * than 30 s).
     */
    public String threadDump() {
        if (process == null || !process.isAlive()) {
            return "(no thread dump: the node is not running)";
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Path out = Files.createTempFile("kessai-threads", ".txt");
            Files.delete(out); // jcmd writes a new file
            try {
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.dump_to_file",
                        "-format=text", out.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                    return "(no thread dump: jcmd took more than 30 s)";
                }
                return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "(no thread dump: jcmd wrote none)";
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    public String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    /** POSTs JSON to a sandbox endpoint of this node; returns the body (asserting nothing). */
    public String sandbox(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("kessai-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run through `./mvnw verify`: the jar is built first"));
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
