package jp.kessai.platform.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit IV per message and additional authenticated data, as {@link FieldCipher} and the
 * card vault use it. Sealed form: {@code iv(12) | ciphertext | tag(16)}. A wrong key, a changed byte or different
 * additional data make {@link #open} fail (never return garbage). Exceptions never carry key or plaintext bytes.
 */
public final class Aead {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {}

    public static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static SecretKey newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return key(bytes);
    }

    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** @throws AeadException when the key, the bytes or the additional data do not match */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AeadException("decryption failed (wrong key, altered ciphertext or ciphertext of another row)");
        }
    }

    /** HMAC-SHA-256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed: " + e.getClass().getSimpleName());
        }
    }

    /** A sealed value that does not open: the message says why in general terms, never with key or data bytes. */
    public static final class AeadException extends IllegalStateException {
        AeadException(String message) {
            super(message);
        }
    }
}
