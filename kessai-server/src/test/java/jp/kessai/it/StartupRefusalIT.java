package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a port in use or a data directory held by another Kessai is reported in the reason and the fix, before the
 * database is initialised, with exit status 1 and no stack trace. Each case starts the release jar
 * (target/kessai-&lt;version&gt;.jar, built by `package` before the integration tests) as a second process while this
 * JVM holds the port or the data directory's lock, as a running Kessai would.
 */
class StartupRefusalIT {

    private static final long START_TIMEOUT_SECONDS = 240;

    @Test
    void aPortInUseIsReportedBeforeTheDatabaseWithTheFix() throws Exception {
        Path dataDir = Path.of("target", "it-data", "refusal-port-" + UUID.randomUUID());
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            var run = runKessai("--server.port=" + port, "--kessai.data-dir=" + dataDir);
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("Port " + port + " on 127.0.0.1 is already in use",
                    "start Kessai on another one, e.g. --server.port=9090");
            assertRefusedCleanly(run, dataDir);
        }
    }

    @Test
    void aDataDirectoryHeldByAnotherKessaiIsReportedBeforeTheDatabase() throws Exception {
        Path dataDir = Path.of("target", "it-data", "refusal-lock-" + UUID.randomUUID());
        Files.createDirectories(dataDir);
        try (var channel = FileChannel.open(dataDir.resolve("kessai.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            var run = runKessai("--server.port=0", "--kessai.data-dir=" + dataDir);
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("Another Kessai is running on the data directory "
                    + dataDir.toAbsolutePath().normalize(), "give this one its own data directory");
            assertRefusedCleanly(run, dataDir);
        }
    }

    private static void assertRefusedCleanly(Run run, Path dataDir) {
        assertThat(run.output()).as("no stack trace").doesNotContain("\tat ", "Exception");
        assertThat(run.output().lines().filter(line -> !line.isBlank()).count()).as(run.output()).isLessThan(15);
        assertThat(dataDir.resolve("pg")).as("the database was never initialised").doesNotExist();
    }

    private record Run(int exitCode, String output) {}

    private static Run runKessai(String... arguments) throws IOException, InterruptedException {
        Path jar = releaseJar();
        Path log = Files.createTempFile(Path.of("target"), "refusal-", ".log");
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Kessai neither started nor refused within " + START_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The jar `./mvnw package` writes (kessai-&lt;version&gt;.jar, not the plain `.jar.original`). */
    private static Path releaseJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("kessai-\\d.*\\.jar")).toList();
            assertThat(jars).as("target/kessai-<version>.jar").hasSize(1);
            return jars.get(0);
        }
    }
}
