package jp.kessai.face.idpass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The decoded parameters of one .idPass call, in arrival order; the first occurrence of a name wins. */
record IdPassRequest(Map<String, String> parameters) {

    IdPassRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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
