package jp.kessai.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jp.kessai.platform.KessaiProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Envelope encryption of sensitive fields (shop passwords, card numbers): AES-256-GCM under a data key; data keys are
 * stored wrapped (AES-256-GCM) by the master key, which never touches the database. {@link #rotate()} makes a new data
 * key active; old ciphertexts stay readable because each names the key that sealed it.
 *
 * <p>Sealed format: {@code version(1) | dataKeyId(4) | iv(12) | ciphertext+tag}.
 */
@Component
public class FieldCipher {

    private static final byte FORMAT_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretKey masterKey;
    private final SecretKey fingerprintKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, SecretKey> dataKeys = new ConcurrentHashMap<>();
    private volatile int activeKeyId;

    public FieldCipher(JdbcClient jdbc, TransactionTemplate tx, KessaiProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.masterKey = new SecretKeySpec(loadMasterKey(properties), "AES");
        this.fingerprintKey = new SecretKeySpec(hmac(masterKey.getEncoded(), "kessai-fingerprint-v1"), "HmacSHA256");
    }

    /** Loads the data keys; creates the first one on a new database. Called once the schema exists. */
    public void initialise() {
        tx.executeWithoutResult(status -> {
            lockKeyTable(); // several nodes may start at once on a new database
            loadDataKeys();
            Integer active = jdbc.sql("SELECT id FROM crypto_data_key WHERE active").query(Integer.class).optional().orElse(null);
            activeKeyId = active != null ? active : createDataKey();
        });
    }

    /** Creates a new data key and makes it the one that seals from now on (other nodes pick it up on first use). */
    public int rotate() {
        int id = tx.execute(status -> {
            lockKeyTable();
            return createDataKey();
        });
        activeKeyId = id;
        return id;
    }

    private int createDataKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        int next = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM crypto_data_key").query(Integer.class).single();
        jdbc.sql("UPDATE crypto_data_key SET active = false WHERE active").update();
        jdbc.sql("INSERT INTO crypto_data_key (id, wrapped_key, created_at, active) VALUES (?, ?, ?, true)")
                .params(next, seal(masterKey, key, aad(next)), Timestamp.from(Instant.now()))
                .update();
        dataKeys.put(next, new SecretKeySpec(key, "AES"));
        return next;
    }

    private void lockKeyTable() {
        jdbc.sql("SELECT pg_advisory_xact_lock(7352001)").query(Object.class).single();
    }

    private void loadDataKeys() {
        jdbc.sql("SELECT id, wrapped_key FROM crypto_data_key").query((rs, n) -> {
            dataKeys.put(rs.getInt(1), new SecretKeySpec(open(masterKey, rs.getBytes(2), aad(rs.getInt(1))), "AES"));
            return null;
        }).list();
    }

    /** The data key with this id; another node may have created it since this one started. */
    private SecretKey dataKey(int keyId) {
        SecretKey key = dataKeys.get(keyId);
        if (key == null) {
            loadDataKeys();
            key = dataKeys.get(keyId);
        }
        if (key == null) {
            throw new IllegalStateException("unknown data key " + keyId);
        }
        return key;
    }

    public byte[] encrypt(String plaintext) {
        int keyId = activeKeyId;
        byte[] sealed = seal(dataKeys.get(keyId), plaintext.getBytes(StandardCharsets.UTF_8), aad(keyId));
        return ByteBuffer.allocate(1 + 4 + sealed.length).put(FORMAT_VERSION).putInt(keyId).put(sealed).array();
    }

    public String decrypt(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (buffer.get() != FORMAT_VERSION) {
            throw new IllegalStateException("unknown sealed-field format");
        }
        int keyId = buffer.getInt();
        SecretKey key = dataKey(keyId);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(open(key, sealed, aad(keyId)), StandardCharsets.UTF_8);
    }

    /**
     * A 32-byte key derived from the master key for {@code label} (HMAC-SHA-256): every node started with the same
     * master key derives the same key, as for the NET CASH Token. Never logged.
     */
    public byte[] derive(String label) {
        return hmac(masterKey.getEncoded(), label);
    }

    /** Keyed fingerprint (HMAC-SHA-256) for matching secrets such as card numbers without storing them in clear. */
    public String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong master key?)", e);
        }
    }

    private static byte[] aad(int keyId) {
        return ("kessai-key-" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] loadMasterKey(KessaiProperties properties) {
        String configured = properties.crypto().masterKey();
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("kessai.crypto.master-key must be base64 of 32 bytes");
            }
            return key;
        }
        Path file = properties.dataDir().resolve("keys").resolve("master.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }
}
