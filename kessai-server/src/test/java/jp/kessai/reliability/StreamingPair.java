package jp.kessai.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.kessai.it.KessaiProcess;

/**
 * A PostgreSQL primary with a synchronous streaming standby, from Debian's PostgreSQL 15 binaries, in directories of
 * the test's own: {@code initdb}, then {@code pg_basebackup -R} for the standby, with
 * {@code synchronous_standby_names='*'} on the primary, so a commit is acknowledged only once the standby has it.
 * As root, every command runs in a user namespace, as the embedded server does (PostgreSQL refuses to run as root).
 */
final class StreamingPair implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path primaryDir;
    private final Path standbyDir;
    final int primaryPort;
    final int standbyPort;
    private final List<String> prefix;

    private StreamingPair(Path base, List<String> prefix) throws IOException {
        this.primaryDir = base.resolve("primary");
        this.standbyDir = base.resolve("standby");
        this.primaryPort = KessaiProcess.freePort();
        this.standbyPort = KessaiProcess.freePort();
        this.prefix = prefix;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_basebackup"));
    }

    static StreamingPair start(Path base) throws Exception {
        Files.createDirectories(base);
        var pair = new StreamingPair(base.toAbsolutePath(), privilegePrefix());
        pair.run("initdb", "-D", pair.primaryDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF-8", "--locale=C");
        Files.writeString(pair.primaryDir.resolve("postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = ''
                wal_level = replica
                max_wal_senders = 5
                fsync = on
                synchronous_commit = on
                synchronous_standby_names = '*'
                max_connections = 200
                """.formatted(pair.primaryPort), StandardOpenOption.APPEND);
        pair.run("pg_ctl", "-D", pair.primaryDir.toString(), "-l", base.resolve("primary.log").toString(), "-w", "start");
        pair.run("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(pair.primaryPort), "-U", "postgres",
                "-D", pair.standbyDir.toString(), "-R", "-X", "stream");
        Files.writeString(pair.standbyDir.resolve("postgresql.conf"), """

                port = %d
                synchronous_standby_names = ''
                """.formatted(pair.standbyPort), StandardOpenOption.APPEND);
        pair.run("pg_ctl", "-D", pair.standbyDir.toString(), "-l", base.resolve("standby.log").toString(), "-w", "start");
        return pair;
    }

    /** Both hosts; the driver picks the one that is the primary now. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/postgres?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=3";
    }

    Ledger ledger() {
        return new Ledger(jdbcUrl(), "postgres", "");
    }

    /** SIGKILL to the primary's postmaster and every process under it: the machine is gone. */
    void killPrimary() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(primaryDir.resolve("postmaster.pid")).getFirst().strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
    }

    void promoteStandby() {
        run("pg_ctl", "-D", standbyDir.toString(), "-w", "promote");
    }

    @Override
    public void close() {
        for (Path dir : List.of(primaryDir, standbyDir)) {
            if (Files.exists(dir.resolve("postmaster.pid"))) {
                runQuietly("pg_ctl", "-D", dir.toString(), "-m", "immediate", "-w", "stop");
            }
        }
    }

    private void run(String... command) {
        String output = runQuietly(command);
        if (output != null) {
            throw new IllegalStateException(command[0] + " failed: " + output);
        }
    }

    /** Runs a PostgreSQL binary; null on success, its output on failure. */
    private String runQuietly(String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.add(BIN.resolve(command[0]).toString());
        full.addAll(List.of(command).subList(1, command.length));
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : output;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static List<String> privilegePrefix() throws IOException, InterruptedException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!(uid instanceof Integer u) || u != 0) {
            return List.of();
        }
        List<String> unshare = List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--");
        List<String> probe = new ArrayList<>(unshare);
        probe.add("true");
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
            return unshare;
        }
        throw new IllegalStateException("running as root without user namespaces: run the battery as an ordinary user");
    }
}
