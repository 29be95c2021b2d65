package jp.kessai.face.idpass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What an ErrInfo code means, in a few English words, for the request log: {@code idpass/errinfo-meanings.tsv},
 * paraphrased from the GMO-PG error catalogue. Every code Kessai answers has a line (IdPassErrorMeaningsTest).
 */
final class IdPassErrorMeanings {

    static final String RESOURCE = "/idpass/errinfo-meanings.tsv";
    private static final Map<String, String> MEANINGS = load();

    private IdPassErrorMeanings() {}

    /** The meaning of the answer's ErrInfo ({@code a|b|c}): the first code's, and how many more there are. */
    static String of(String errInfo) {
        if (errInfo == null || errInfo.isEmpty()) {
            return "OK";
        }
        String[] codes = errInfo.split("\\|");
        String first = MEANINGS.getOrDefault(codes[0], "error " + codes[0]);
        return codes.length == 1 ? first : first + " (+" + (codes.length - 1) + " more)";
    }

    static boolean known(String code) {
        return MEANINGS.containsKey(code);
    }

    private static Map<String, String> load() {
        Map<String, String> meanings = new HashMap<>();
        try (InputStream in = IdPassErrorMeanings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                meanings.put(columns[0], columns[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(meanings);
    }
}
