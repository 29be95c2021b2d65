package jp.kessai.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What the {@link Secret} types share: the non-null check and the constant-time comparison of their values. */
final class SecretValues {

    private SecretValues() {}

    /** A programmer error (the face validates first); the message names the kind of value, never the value. */
    static String require(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
