package jp.kessai.face.openapi;

import jp.kessai.platform.text.StorableText;

/**
 * The characters an Idempotency-Key may hold. OAS 1.6.2 allows any string of at most 36 characters (UUID v4
 * recommended); Kessai also refuses control characters (U+0000–U+001F, U+007F) and anything PostgreSQL cannot store,
 * because the key is stored as it is. Such a key gets the same {@code 400 invalid_header} as a key that is too long.
 */
final class IdempotencyKeyText {

    private IdempotencyKeyText() {}

    static boolean acceptable(String key) {
        if (!StorableText.storable(key)) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
