package jp.kessai.face.openapi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * X-MP-Version (seed 003 バージョン管理): {@code YYYY-MM}; a month that is not a version runs as the nearest earlier
 * version; a missing or malformed value (e.g. {@code 2023-13}) runs as the latest. A month before the first version
 * runs as the first.
 */
final class ApiVersions {

    /** Supported versions, oldest first. */
    static final List<String> SUPPORTED = List.of("2023-06");
    static final String LATEST = SUPPORTED.getLast();

    private static final Pattern FORMAT = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    private ApiVersions() {}

    static String resolve(String header) {
        if (header == null || !FORMAT.matcher(header.strip()).matches()) {
            return LATEST;
        }
        String requested = header.strip();
        String chosen = SUPPORTED.getFirst();
        for (String version : SUPPORTED) {
            if (version.compareTo(requested) <= 0) {
                chosen = version;
            }
        }
        return chosen;
    }
}
