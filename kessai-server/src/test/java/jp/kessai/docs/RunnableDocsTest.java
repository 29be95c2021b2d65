package jp.kessai.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnableDocsTest {

    private static final Path DOC = Path.of("doc.md");

    @Test
    void aMarkedShellBlockTakesEveryFencedBlockRightAfterItAsItsOutput() {
        var examples = RunnableDocs.parse(DOC, List.of(
                "Intro",
                "```sh",
                "echo not marked",
                "```",
                "<!-- runnable -->",
                "```sh",
                "echo a",
                "echo b",
                "```",
                "",
                "```",
                "a",
                "```",
                "```html",
                "b",
                "```",
                "Prose ends the output.",
                "```",
                "not output",
                "```",
                "<!-- runnable -->",
                "```sh",
                "X=1",
                "```",
                "```sh",
                "echo a shell block is never output",
                "```"));
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).line()).isEqualTo(6);
        assertThat(examples.get(0).script()).isEqualTo("echo a\necho b\n");
        assertThat(examples.get(0).expectedOutput()).isEqualTo("a\nb\n");
        assertThat(examples.get(1).script()).isEqualTo("X=1\n");
        assertThat(examples.get(1).expectedOutput()).isEmpty();
    }

    @Test
    void aMarkerInsideAFencedBlockIsText() {
        var examples = RunnableDocs.parse(DOC, List.of(
                "````markdown",
                "<!-- runnable -->",
                "```sh",
                "echo shown, not run",
                "```",
                "````",
                "<!-- runnable -->",
                "```sh",
                "echo run",
                "```"));
        assertThat(examples).singleElement().satisfies(e -> assertThat(e.script()).isEqualTo("echo run\n"));
    }

    @Test
    void aMarkerMustBeFollowedByAShellBlock() {
        assertThatThrownBy(() -> RunnableDocs.parse(DOC, List.of("<!-- runnable -->", "```json", "{}", "```")))
                .hasMessageContaining("doc.md:1");
        assertThatThrownBy(() -> RunnableDocs.parse(DOC, List.of("<!-- runnable -->", "```sh", "echo")))
                .hasMessageContaining("unclosed");
    }

    @Test
    void placeholdersMatchWhatChangesFromRunToRunAndNothingElse() {
        String expected = "AccessID=c9dc8c9c527473fd978a4c67162c061a&OrderID=ord-20261124050242&ProcessDate=20261124050242"
                + "&CardNo=9990000000000001&Token=…&at=2027-01-23T23:59:59+09:00";
        assertThat(RunnableDocs.matches(expected, "AccessID=0123456789abcdef0123456789abcdef&OrderID=ord-20251201010203"
                + "&ProcessDate=20251201100203&CardNo=9990000000000001&Token=anything at all&at=2026-02-01T23:59:59+09:00\n"))
                .isTrue();
        assertThat(RunnableDocs.matches(expected, "AccessID=0123456789abcdef0123456789abcdef&OrderID=ord-20251201010203"
                + "&ProcessDate=20251201100203&CardNo=9990000000000002&Token=x&at=2026-02-01T23:59:59+09:00"))
                .as("a card number is not a placeholder").isFalse();
        assertThat(RunnableDocs.matches(expected, "AccessID=0123456789abcdef0123456789abcde&OrderID=ord-20251201010203"
                + "&ProcessDate=20251201100203&CardNo=9990000000000001&Token=x&at=2026-02-01T23:59:59+09:00"))
                .as("an id of another length").isFalse();
        assertThat(RunnableDocs.matches(expected, "AccessID=0123456789abcdef0123456789abcdef&OrderID=ord-20251201010203"
                + "&ProcessDate=20251201100203&CardNo=9990000000000001&Token=x&at=2026-02-01T23:59:59Z"))
                .as("the zone is kept").isFalse();
        assertThat(RunnableDocs.matches("{\"now\":\"2026-11-24T15:00:00Z\"}", "{\"now\":\"2026-12-01T02:04:36.839978915Z\"}"))
                .isTrue();
        assertThat(RunnableDocs.matches("a…\nb", "a x\ny\nb")).as("an ellipsis stays within its line").isFalse();
        assertThat(RunnableDocs.matches("Status=SALES", "Status=SALES  \n\n")).isTrue();
        assertThat(RunnableDocs.matches("", "")).isTrue();
        assertThat(RunnableDocs.matches("", "unexpected")).isFalse();
    }

    @Test
    void aShellBlockThatTalksToKessaiMustBeRunnableOrSayWhyNot() {
        var problems = RunnableDocs.unmarked(DOC, List.of(
                "```sh",
                "./mvnw verify",
                "```",
                "<!-- runnable -->",
                "```sh",
                "curl -s http://localhost:8080/sandbox/clock",
                "```",
                "```json",
                "{}",
                "```",
                "<!-- not-runnable: needs a browser -->",
                "",
                "```sh",
                "chromium http://localhost:8080/3ds/x",
                "```",
                "Prose.",
                "```bash",
                "curl -s https://example.com/",
                "```",
                "```sh",
                "python3 merchant.py 127.0.0.1:9000 &",
                "```",
                "```",
                "$ curl -s $BASE/token",
                "```",
                "<!-- not-runnable: -->",
                "```sh",
                "echo",
                "```",
                "<!-- not-runnable: a reason -->",
                "```json",
                "{}",
                "```",
                "````markdown",
                "```sh",
                "curl -s http://localhost:8080/ shown as an example inside another block",
                "```",
                "````"));
        assertThat(problems).containsExactly(
                "doc.md:17: a shell block with 'curl' is neither <!-- runnable --> nor <!-- not-runnable: reason -->",
                "doc.md:20: a shell block with '127.0.0.1' is neither <!-- runnable --> nor <!-- not-runnable: reason -->",
                "doc.md:23: a command in a block not labelled as shell (```sh)",
                "doc.md:26: <!-- not-runnable: … --> needs a reason",
                "doc.md:30: <!-- not-runnable: … --> must be followed by a ```sh block");
    }

    /** Issue 12, "make drift impossible": no example in README.md and docs/*.md that talks to Kessai escapes the test. */
    @Test
    void everyShellExampleOfTheDocumentationThatTalksToKessaiIsRunnableOrSaysWhyNot() throws Exception {
        var problems = new java.util.ArrayList<String>();
        for (Path document : RunnableDocs.documents(RunnableDocs.projectRoot())) {
            problems.addAll(RunnableDocs.unmarkedExamples(document));
        }
        assertThat(problems).as("mark them <!-- runnable --> (docs/README.md) or <!-- not-runnable: reason -->").isEmpty();
    }
}
