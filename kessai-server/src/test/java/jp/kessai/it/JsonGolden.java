package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden JSON files for the openapi face, compared as trees: the same members in the same order with the same
 * values. A string value {@code "${name}"} is replaced by the value the test knows; {@code "${:format}"} must have
 * the format: {@code hex32}, {@code rfc3339} (JST, e.g. 2023-05-30T12:34:56+09:00), {@code digits7},
 * {@code digits28}.
 */
public final class JsonGolden {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9]*)(?::([a-z0-9]+))?}$");
    private static final Map<String, String> FORMATS = Map.of(
            "hex32", "[0-9a-f]{32}",
            "rfc3339", "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+09:00",
            "digits7", "[0-9]{7}",
            "digits28", "[0-9]{28}");

    private JsonGolden() {}

    public static void assertMatches(String resource, String actual, Map<String, String> known) {
        JsonNode golden = JSON.readTree(Golden.read(resource));
        List<String> differences = new ArrayList<>();
        compare(golden, JSON.readTree(actual), "", known, differences, resource);
        assertThat(differences).as("%s against golden file %s", actual, resource).isEmpty();
    }

    private static void compare(JsonNode golden, JsonNode actual, String path, Map<String, String> known,
            List<String> differences, String resource) {
        if (golden.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + ": expected an object");
                return;
            }
            List<String> expectedNames = List.copyOf(golden.propertyNames());
            List<String> actualNames = List.copyOf(actual.propertyNames());
            if (!expectedNames.equals(actualNames)) {
                differences.add(path + ": members " + actualNames + " instead of " + expectedNames);
                return;
            }
            for (String name : expectedNames) {
                compare(golden.get(name), actual.get(name), path + "/" + name, known, differences, resource);
            }
        } else if (golden.isArray()) {
            if (!actual.isArray() || actual.size() != golden.size()) {
                differences.add(path + ": expected an array of " + golden.size());
                return;
            }
            for (int i = 0; i < golden.size(); i++) {
                compare(golden.get(i), actual.get(i), path + "/" + i, known, differences, resource);
            }
        } else if (golden.isString() && PLACEHOLDER.matcher(golden.stringValue()).matches()) {
            var m = PLACEHOLDER.matcher(golden.stringValue());
            m.matches();
            String expected = m.group(1).isEmpty() ? null : known.get(m.group(1));
            if (!m.group(1).isEmpty() && expected == null) {
                throw new IllegalArgumentException(resource + ": no value for " + golden.stringValue());
            }
            if (!actual.isString()) {
                differences.add(path + ": expected a string");
            } else if (expected != null && !expected.equals(actual.stringValue())) {
                differences.add(path + ": " + actual.stringValue() + " instead of " + expected);
            } else if (m.group(2) != null && !actual.stringValue().matches(FORMATS.get(m.group(2)))) {
                differences.add(path + ": " + actual.stringValue() + " is not " + m.group(2));
            }
        } else if (!golden.equals(actual)) {
            differences.add(path + ": " + actual + " instead of " + golden);
        }
    }
}
