package jp.kessai.face.openapi;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import jp.kessai.platform.crypto.FieldCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The fingerprint an Idempotency-Key record keeps of its request, to tell a repeat from a different request under the
 * same key. A charge request holds the card number and security code, so a plain hash would let anyone with the
 * database test guesses against it (a card number has few unknown digits): the fingerprint is an HMAC-SHA-256 under a
 * key derived from the master key, which never touches the database ({@link FieldCipher#fingerprint}).
 */
@Component
class RequestFingerprints {

    /** Separates these fingerprints from the others made under the same key (e.g. NET CASH tokens). */
    private static final String PURPOSE = "openapi-request:";

    private final FieldCipher cipher;
    private final OpenApiJson json;

    RequestFingerprints(FieldCipher cipher, OpenApiJson json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** 32 bytes; equal for bodies that parse to the same JSON (whitespace does not matter, member order does). */
    byte[] of(JsonNode body) {
        String canonical = new String(json.canonical(body), StandardCharsets.UTF_8);
        return HexFormat.of().parseHex(cipher.fingerprint(PURPOSE + canonical));
    }
}
