package jp.kessai.platform.web;

/**
 * The wire faces an answer can be written in, and the one place that decides which face a request path belongs to.
 * Every answer Kessai gives — including the ones Spring MVC or Tomcat produce before a face's controller runs — is
 * written in the format of the face this returns (docs/compatibility.md "Errors outside the endpoints").
 */
public enum WireFace {
    /** {@code /payment/…}: the protocol type's namespace ({@code /payment/<Name>.idPass} and its browser pages). */
    IDPASS,
    /** {@code /sandbox/…}: the sandbox control API, {@code {"error":"…"}}. */
    SANDBOX,
    /**
     * The OpenAPI type's prefixes ({@code /token}, {@code /credit/…}, {@code /order/…} …) and every other path:
     * problem+json. A path that names nothing is answered as the OpenAPI type answers an unknown endpoint.
     */
    OPENAPI;

    private static final String IDPASS_PREFIX = "/payment/";
    private static final String SANDBOX_PREFIX = "/sandbox/";

    /**
     * The face of a request path as the client sent it (not decoded, possibly not normalised: {@code //credit/charge},
     * {@code /payment/../payment/X.idPass}, {@code /payment/X.idPass/}); {@code null} or empty is OPENAPI.
     */
    public static WireFace of(String rawPath) {
        String path = normalise(rawPath);
        if (path.startsWith(IDPASS_PREFIX)) {
            return IDPASS;
        }
        if (path.startsWith(SANDBOX_PREFIX) || path.equals("/sandbox")) {
            return SANDBOX;
        }
        return OPENAPI;
    }

    /**
     * The path for classification only: path parameters ({@code ;…}) dropped, runs of {@code /} collapsed, {@code .}
     * and {@code ..} segments resolved (never above the root). Percent-escapes are left as they are.
     */
    static String normalise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        var segments = new java.util.ArrayDeque<String>();
        for (String segment : path.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters >= 0 ? segment.substring(0, parameters) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        boolean directory = path.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (directory ? "/" : "");
    }
}
