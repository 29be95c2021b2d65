package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden response files with placeholders: {@code ${Name}} is replaced by the value the test knows,
 * {@code ${Name:format}} must have the named format (for values the server makes up, such as ProcessDate):
 * {@code hex32}, {@code digits14} (yyyyMMddHHmmss), {@code digits20}.
 */
public final class Golden {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?::([^}]*))?}");

    private static final Map<String, String> FORMATS = Map.of(
            "hex32", "[0-9a-f]{32}",
            "digits14", "[0-9]{14}",
            "digits20", "[0-9]{20}",
            "hex64", "[0-9a-f]{64}");

    private Golden() {}

    public static void assertMatches(String resource, String actual, Map<String, String> known) {
        String golden = read(resource).strip();
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(golden);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(golden.substring(last, m.start())));
            String name = m.group(1);
            if (m.group(2) != null) {
                String format = FORMATS.get(m.group(2));
                if (format == null) {
                    throw new IllegalArgumentException(resource + ": unknown format " + m.group(2));
                }
                regex.append(format);
            } else {
                String value = known.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(resource + ": no value for ${" + name + "}");
                }
                regex.append(Pattern.quote(value));
            }
            last = m.end();
        }
        regex.append(Pattern.quote(golden.substring(last)));
        assertThat(actual).as("response against golden file %s", resource).matches(regex.toString());
    }

    static String read(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing golden file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
