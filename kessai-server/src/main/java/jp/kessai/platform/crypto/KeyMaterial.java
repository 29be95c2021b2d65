package jp.kessai.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Loads a 32-byte key from configuration: inline base64 (e.g. an environment variable), else a file holding base64,
 * else — only where a {@code createIfMissing} path is given — a new random key written once to that file (owner
 * read/write only). Errors name the setting, never the key.
 */
public final class KeyMaterial {

    private KeyMaterial() {}

    /** @return the key, or null when nothing is configured and nothing may be created */
    public static byte[] load(String setting, String inlineBase64, String file, Path createIfMissing) {
        if (inlineBase64 != null && !inlineBase64.isBlank()) {
            return decode(setting, inlineBase64);
        }
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            try {
                return decode(setting + "-file", Files.readString(path, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file of " + setting + "-file (" + path + ")", e);
            }
        }
        if (createIfMissing == null) {
            return null;
        }
        try {
            if (Files.exists(createIfMissing)) {
                return decode(createIfMissing.toString(), Files.readString(createIfMissing, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(createIfMissing.getParent());
            byte[] key = new byte[Aead.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(createIfMissing, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(createIfMissing,
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the directory's default permissions
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + createIfMissing, e);
        }
    }

    private static byte[] decode(String setting, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64 of 32 bytes");
        }
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalStateException(setting + " must be base64 of 32 bytes");
        }
        return key;
    }
}
