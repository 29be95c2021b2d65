package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The request log names what an ErrInfo means: every code Kessai can answer has a line in the table. */
class IdPassErrorMeaningsTest {

    private static final Pattern CODE = Pattern.compile("\"([A-Z0-9]{3}[0-9]{6})\"");

    @Test
    void everyErrInfoInTheSourcesHasAMeaning() throws IOException {
        var missing = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var codes = CODE.matcher(Files.readString(file));
                while (codes.find()) {
                    if (!IdPassErrorMeanings.known(codes.group(1))) {
                        missing.add(codes.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theFirstCodeIsExplainedAndTheRestCounted() {
        assertThat(IdPassErrorMeanings.of("")).isEqualTo("OK");
        assertThat(IdPassErrorMeanings.of("JP1000001")).isEqualTo("Insufficient balance");
        assertThat(IdPassErrorMeanings.of("M01002001|M01003001")).isEqualTo("ShopID missing (+1 more)");
        assertThat(IdPassErrorMeanings.of("X99999999")).isEqualTo("error X99999999");
    }
}
