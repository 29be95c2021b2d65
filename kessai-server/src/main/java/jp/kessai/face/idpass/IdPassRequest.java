package jp.kessai.face.idpass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded parameters of one .idPass call, in arrival order (the first occurrence of a name wins), and the base
 * URL the caller reached this server at (for URLs the response hands out, such as StartURL).
 */
record IdPassRequest(Map<String, String> parameters, String baseUrl) {

    IdPassRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    IdPassRequest(Map<String, String> parameters) {
        this(parameters, "");
    }

    IdPassRequest withBaseUrl(String base) {
        return new IdPassRequest(parameters, base);
    }

    /** The value, or null when absent or empty (the protocol type treats both as "not set"). */
    String get(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "IdPassRequest" + parameters.keySet(); // names only: values hold passwords and card numbers
    }
}
