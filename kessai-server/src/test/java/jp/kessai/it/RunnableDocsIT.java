package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kessai.docs.RunnableDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The documentation cannot drift from the server: every example of README.md and docs/*.md marked
 * {@code <!-- runnable -->} runs, in order, with bash against this one started Kessai (a fresh data directory), and
 * its output must match the expected-output block that follows it (docs/README.md describes the markers and
 * placeholders). Each document starts with a fresh shell state; within a document, variables and functions carry
 * from one block to the next, as they would in a terminal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kessai.data-dir=target/it-data/docs-${random.uuid}",
        // the examples run the reconciler, the expiry sweep and the dispatcher themselves, through the sandbox API
        "kessai.reconciler.interval=1h",
        "kessai.notifications.poll-interval=1h",
        "kessai.notifications.expiry-interval=1h",
        // the key rotation example of operations.md uses the admin API, with this token in KESSAI_ADMIN_TOKEN
        "kessai.admin.token=" + RunnableDocsIT.ADMIN_TOKEN})
class RunnableDocsIT {

    static final String ADMIN_TOKEN = "docs-admin-token-0123456789";
    /** The merchant listener of the examples (notifications.md), moved to a free port so that runs never collide. */
    static final String DOCUMENTED_MERCHANT = "127.0.0.1:9000";
    private static final String MERCHANT = "127.0.0.1:" + freePort();

    private static final Path PROJECT = RunnableDocs.projectRoot();
    private static final long BLOCK_TIMEOUT_SECONDS = 120;
    private static final List<Path> STATE_DIRS = new ArrayList<>();

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicNode> everyRunnableExampleMatchesItsOutput() throws IOException {
        List<Path> documents = RunnableDocs.documents(PROJECT);
        List<String> unmarked = new ArrayList<>();
        for (Path document : documents) {
            unmarked.addAll(RunnableDocs.unmarkedExamples(document));
        }
        assertThat(unmarked).as("shell examples that talk to Kessai must be <!-- runnable --> or "
                + "<!-- not-runnable: reason --> (docs/README.md)").isEmpty();
        int total = 0;
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path document : documents) {
            List<RunnableDocs.Example> examples = RunnableDocs.examples(document);
            total += examples.size();
            if (examples.isEmpty()) {
                continue;
            }
            Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "docs-shell-");
            STATE_DIRS.add(state);
            nodes.add(DynamicContainer.dynamicContainer(PROJECT.relativize(document).toString(),
                    examples.stream().map(example -> DynamicTest.dynamicTest(example.name(), () -> run(example, state)))));
        }
        assertThat(total).as("runnable examples in README.md and docs/*.md").isGreaterThanOrEqualTo(20);
        return nodes.stream();
    }

    private void run(RunnableDocs.Example example, Path state) throws Exception {
        String base = "http://localhost:" + port;
        Path script = state.resolve("block.sh");
        Files.writeString(script, harness(state) + example.script().replace(RunnableDocs.DOCUMENTED_BASE, base)
                .replace(DOCUMENTED_MERCHANT, MERCHANT), StandardCharsets.UTF_8);
        Path stdout = state.resolve("stdout");
        Path stderr = state.resolve("stderr");
        var builder = new ProcessBuilder("bash", script.toString())
                .directory(state.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("HOME", state.toString());
        builder.environment().put("KESSAI_ADMIN_TOKEN", ADMIN_TOKEN);
        Process process = builder.start();
        boolean finished = process.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(stdout, StandardCharsets.UTF_8).replace(base, RunnableDocs.DOCUMENTED_BASE)
                .replace(MERCHANT, DOCUMENTED_MERCHANT);
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within %d s", example.name(), BLOCK_TIMEOUT_SECONDS).isTrue();
        assertThat(process.exitValue()).as("%s exit status; stderr:%n%s%nstdout:%n%s", example.name(), errors, output)
                .isZero();
        assertThat(RunnableDocs.matches(example.expectedOutput(), output))
                .as("%s output%n--- expected (with placeholders) ---%n%s%n--- actual ---%n%s%n--- stderr ---%n%s",
                        example.name(), RunnableDocs.normalise(example.expectedOutput()),
                        RunnableDocs.normalise(output), errors)
                .isTrue();
    }

    /**
     * Runs before each block: strict mode (a failing command or pipeline fails the block), the shell state the
     * earlier blocks of the document left, and on exit the new state (variables and functions the block defined)
     * plus the ids of background jobs, which are stopped when the test ends.
     */
    private static String harness(Path state) {
        return """
                set -eo pipefail
                __kessai_state='%1$s'
                __kessai_baseline="$(compgen -v | tr '\\n' ' ') __kessai_v __kessai_baseline "
                __kessai_save() {
                  local __kessai_v
                  {
                    for __kessai_v in $(compgen -v); do
                      case "$__kessai_v" in BASH*|FUNCNAME|PIPESTATUS|__kessai*) continue ;; esac
                      case " $__kessai_baseline " in *" $__kessai_v "*) ;; *) declare -p "$__kessai_v" ;; esac
                    done
                    declare -f
                  } > "$__kessai_state/env.new" 2>/dev/null && mv "$__kessai_state/env.new" "$__kessai_state/env"
                  jobs -p >> "$__kessai_state/jobs"
                }
                trap __kessai_save EXIT
                if [ -f "$__kessai_state/env" ]; then set +e; . "$__kessai_state/env" 2>/dev/null; set -e; fi
                """.formatted(state);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopBackgroundJobs() throws IOException {
        for (Path state : STATE_DIRS) {
            Path jobs = state.resolve("jobs");
            if (Files.exists(jobs)) {
                for (String pid : Files.readAllLines(jobs)) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroy);
                    }
                }
            }
        }
    }
}
