package jp.kessai.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runnable examples of the documentation (docs/README.md, "Runnable examples"): a fenced shell block right after
 * the line {@code <!-- runnable -->}, and the expected output, which is every fenced block that follows it with
 * only blank lines in between (and is not itself a shell block). The expected output may hold placeholders that
 * match what differs from run to run: see {@link #expectedPattern(String)}.
 */
public final class RunnableDocs {

    public static final String MARKER = "<!-- runnable -->";
    /**
     * {@code <!-- not-runnable: reason -->}: a shell block that talks to Kessai but cannot run in the test (a browser,
     * a second server with other options, …); the reason is required.
     */
    public static final Pattern NOT_RUNNABLE = Pattern.compile("<!-- not-runnable:(.*)-->");
    /**
     * What makes a shell block talk to Kessai: an HTTP client, or a local address (the server, a merchant listener,
     * a browser mapped to it).
     */
    static final Pattern TALKS_TO_KESSAI = Pattern.compile(
            "(?<![\\w-])(curl|wget|xdg-open|chromium)(?![\\w-])|localhost|127\\.0\\.0\\.1");
    /** A block that could hold commands unnoticed: no language, or plain text (not markdown showing an example). */
    private static final Pattern UNLABELLED = Pattern.compile("|text|txt");
    /** A command line in such a block. */
    private static final Pattern COMMAND_LINE = Pattern.compile("^\\s*(\\$\\s+)?(curl|wget)\\s.*");
    /** Examples are written against the default port; the test rewrites it to the started server's. */
    public static final String DOCUMENTED_BASE = "http://localhost:8080";

    private static final Pattern FENCE = Pattern.compile("^(`{3,})\\s*([^`\\s]*)[^`]*$");
    private static final Pattern SHELL = Pattern.compile("sh|bash|shell|console");

    /**
     * The placeholders: an ellipsis stands for any text within one line; a date-time such as
     * {@code 2026-11-24T15:00:00Z} or {@code 2027-01-23T23:59:59+09:00} for any date-time with the same zone; a run
     * of 14 or more digits starting with {@code 20} (a {@code yyyyMMddHHmmss} date, a slip number, an OrderID made
     * with {@code date +%Y%m%d%H%M%S}) for any digits of the same length; a run of 16 or more lowercase hexadecimal
     * characters holding at least one letter (AccessID, AccessPass, Token, CheckString) for any such run of the same
     * length.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<ellipsis>…)"
                    + "|(?<datetime>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)(?=Z|[+-]\\d\\d:\\d\\d)"
                    + "|(?<![0-9A-Za-z])(?<digits>20\\d{12,})(?![0-9A-Za-z])"
                    + "|(?<![0-9A-Za-z])(?<hex>[0-9a-f]{16,})(?![0-9A-Za-z])");

    public record Example(Path file, int line, String script, String expectedOutput) {
        public String name() {
            return file.getFileName() + ":" + line;
        }
    }

    private RunnableDocs() {}

    /**
     * The repository's root, where README.md, docs/ and the parent pom are: the system property {@code kessai.root}
     * (the build sets it), else the nearest directory up from the working directory (the module's, under Maven) that
     * holds README.md and docs/.
     */
    public static Path projectRoot() {
        String configured = System.getProperty("kessai.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
    }

    /** README.md, then docs/*.md in name order. */
    public static List<Path> documents(Path projectDir) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(projectDir.resolve("README.md"));
        try (Stream<Path> docs = Files.list(projectDir.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    public static List<Example> examples(Path file) throws IOException {
        return parse(file, Files.readAllLines(file));
    }

    static List<Example> parse(Path file, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (FENCE.matcher(lines.get(i)).matches()) {
                i = block(file, lines, i).end() + 1; // a block nobody marked, e.g. one that shows a marker
                continue;
            }
            if (!lines.get(i).strip().equals(MARKER)) {
                i++;
                continue;
            }
            int open = nextNonBlank(lines, i + 1);
            Matcher fence = open < lines.size() ? FENCE.matcher(lines.get(open)) : null;
            if (fence == null || !fence.matches() || !SHELL.matcher(fence.group(2)).matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + MARKER
                        + " must be followed by a ```sh block");
            }
            Block script = block(file, lines, open);
            StringBuilder expected = new StringBuilder();
            int next = script.end() + 1;
            while (true) {
                int candidate = nextNonBlank(lines, next);
                if (candidate >= lines.size()) {
                    break;
                }
                Matcher output = FENCE.matcher(lines.get(candidate));
                if (!output.matches() || SHELL.matcher(output.group(2)).matches()) {
                    break;
                }
                Block block = block(file, lines, candidate);
                expected.append(block.text());
                next = block.end() + 1;
            }
            examples.add(new Example(file, open + 1, script.text(), expected.toString()));
            i = script.end() + 1;
        }
        return examples;
    }

    /**
     * The shell blocks of a document that talk to Kessai ({@link #TALKS_TO_KESSAI}) but are neither runnable nor
     * marked {@code <!-- not-runnable: reason -->}, and commands ({@code curl …}) in blocks not labelled as shell,
     * which would escape the rule: each as {@code file:line: what}. Drift needs an example nobody runs; this leaves
     * none unaccounted for.
     */
    public static List<String> unmarkedExamples(Path file) throws IOException {
        return unmarked(file, Files.readAllLines(file));
    }

    static List<String> unmarked(Path file, List<String> lines) {
        List<String> problems = new ArrayList<>();
        String previous = "";
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                Matcher notRunnable = NOT_RUNNABLE.matcher(line.strip());
                if (notRunnable.matches()) {
                    int open = nextNonBlank(lines, i + 1);
                    Matcher next = open < lines.size() ? FENCE.matcher(lines.get(open)) : null;
                    if (notRunnable.group(1).isBlank()) {
                        problems.add(file + ":" + (i + 1) + ": <!-- not-runnable: … --> needs a reason");
                    } else if (next == null || !next.matches() || !SHELL.matcher(next.group(2)).matches()) {
                        problems.add(file + ":" + (i + 1) + ": <!-- not-runnable: … --> must be followed by a ```sh block");
                    }
                }
                if (!line.isBlank()) {
                    previous = line.strip();
                }
                i++;
                continue;
            }
            Block block = block(file, lines, i);
            if (SHELL.matcher(fence.group(2)).matches()) {
                boolean marked = previous.equals(MARKER) || NOT_RUNNABLE.matcher(previous).matches();
                Matcher talks = TALKS_TO_KESSAI.matcher(block.text());
                if (!marked && talks.find()) {
                    problems.add(file + ":" + (i + 1) + ": a shell block with '" + talks.group()
                            + "' is neither " + MARKER + " nor <!-- not-runnable: reason -->");
                }
            } else if (UNLABELLED.matcher(fence.group(2)).matches()
                    && block.text().lines().anyMatch(l -> COMMAND_LINE.matcher(l).matches())) {
                problems.add(file + ":" + (i + 1) + ": a command in a block not labelled as shell (```sh)");
            }
            previous = "```";
            i = block.end() + 1;
        }
        return problems;
    }

    private record Block(String text, int end) {}

    private static Block block(Path file, List<String> lines, int open) {
        String fence = FENCE.matcher(lines.get(open)).replaceFirst("$1");
        StringBuilder text = new StringBuilder();
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals(fence)) {
                return new Block(text.toString(), j);
            }
            text.append(lines.get(j)).append('\n');
        }
        throw new IllegalArgumentException(file + ":" + (open + 1) + ": unclosed fenced block");
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && lines.get(j).isBlank()) {
            j++;
        }
        return j;
    }

    /** Trailing blanks on each line and trailing blank lines do not count. */
    public static String normalise(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip().isEmpty() ? "" : out.toString().replaceAll("\\s+$", "");
    }

    /** The expected output as a regular expression over the whole (normalised) output. */
    public static Pattern expectedPattern(String expected) {
        String text = normalise(expected);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            if (m.group("ellipsis") != null) {
                regex.append("[^\\n]*?");
            } else if (m.group("datetime") != null) {
                regex.append("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?");
            } else if (m.group("digits") != null) {
                regex.append("\\d{").append(m.group("digits").length()).append('}');
            } else if (m.group("hex").chars().anyMatch(c -> c >= 'a')) {
                regex.append("[0-9a-f]{").append(m.group("hex").length()).append('}');
            } else {
                regex.append(Pattern.quote(m.group("hex")));
            }
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        return Pattern.compile(regex.toString());
    }

    public static boolean matches(String expected, String actual) {
        return expectedPattern(expected).matcher(normalise(actual)).matches();
    }
}
