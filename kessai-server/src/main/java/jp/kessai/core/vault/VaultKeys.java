package jp.kessai.core.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.internal.DataKeyStore;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.Aead;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.crypto.KeyMaterial;
import jp.kessai.platform.secret.CardNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Envelope encryption of card numbers, per shop mode. Each mode (TEST, PRODUCTION) has its own key-encryption key
 * (KEK, from configuration, never stored, never logged) and its own fingerprint key. Data keys (AES-256) are created
 * in the database wrapped by the KEK; exactly one per mode is active and seals every new value. A sealed value names
 * its data key ({@link Sealed#keyId()}) and is bound by its additional authenticated data to its row, so a ciphertext
 * copied into another row does not open. {@link #rotate} makes a new data key active at once, on every node (the
 * active key is read with each seal); {@link VaultKeyRotation} then re-seals the existing rows.
 */
@Service
public class VaultKeys {

    private static final byte[] KEK_ID_LABEL = "kessai-vault-kek-id-v1".getBytes(StandardCharsets.US_ASCII);

    private final DataKeyStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<ShopMode, byte[]> keks = new EnumMap<>(ShopMode.class);
    private final Map<ShopMode, byte[]> fingerprintKeys = new EnumMap<>(ShopMode.class);
    private final Map<Integer, SecretKey> dataKeys = new ConcurrentHashMap<>();

    VaultKeys(DataKeyStore store, TransactionTemplate tx, Clock clock, KessaiProperties properties,
            FieldCipher masterKeys) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        var test = properties.vault().test();
        var production = properties.vault().production();
        // TEST mode keys not configured: derived from the master key, so that every node sharing the database (and
        // therefore the master key) opens what another node sealed
        byte[] configuredTestKek = KeyMaterial.load("kessai.vault.test.kek", test.kek(), test.kekFile(), null);
        put(keks, ShopMode.TEST, configuredTestKek != null ? configuredTestKek
                : masterKeys.derive("kessai-vault-test-kek-v1"));
        byte[] testFingerprint = KeyMaterial.load("kessai.vault.test.fingerprint-key", test.fingerprintKey(),
                test.fingerprintKeyFile(), null);
        put(fingerprintKeys, ShopMode.TEST, testFingerprint != null ? testFingerprint
                : masterKeys.derive("kessai-vault-test-fingerprint-v1"));
        put(keks, ShopMode.PRODUCTION, KeyMaterial.load("kessai.vault.production.kek", production.kek(),
                production.kekFile(), null));
        put(fingerprintKeys, ShopMode.PRODUCTION, KeyMaterial.load("kessai.vault.production.fingerprint-key",
                production.fingerprintKey(), production.fingerprintKeyFile(), null));
        byte[] testKek = keks.get(ShopMode.TEST);
        byte[] productionKek = keks.get(ShopMode.PRODUCTION);
        if (productionKek != null && java.security.MessageDigest.isEqual(testKek, productionKek)) {
            throw new IllegalStateException("kessai.vault.production.kek must differ from the TEST mode KEK");
        }
        byte[] productionFingerprint = fingerprintKeys.get(ShopMode.PRODUCTION);
        if (productionFingerprint != null && (java.security.MessageDigest.isEqual(productionFingerprint, productionKek == null
                ? new byte[0] : productionKek) || java.security.MessageDigest.isEqual(productionFingerprint,
                fingerprintKeys.get(ShopMode.TEST)))) {
            throw new IllegalStateException("kessai.vault.production.fingerprint-key must differ from the KEKs and from "
                    + "the TEST mode fingerprint key");
        }
        if (java.security.MessageDigest.isEqual(testKek, fingerprintKeys.get(ShopMode.TEST))) {
            throw new IllegalStateException("kessai.vault.test.fingerprint-key must differ from the TEST mode KEK");
        }
    }

    private static void put(Map<ShopMode, byte[]> map, ShopMode mode, byte[] key) {
        if (key != null) {
            map.put(mode, key);
        }
    }

    /** A value sealed under data key {@code keyId}. */
    public record Sealed(int keyId, byte[] ciphertext) {}

    /** Whether the mode has a KEK configured (PRODUCTION needs one before its shops can store cards). */
    public boolean available(ShopMode mode) {
        return keks.containsKey(mode) && fingerprintKeys.containsKey(mode);
    }

    /** Seals {@code plaintext} under the mode's active data key (created on first use), bound to {@code aad}. */
    public Sealed seal(ShopMode mode, byte[] plaintext, byte[] aad) {
        int keyId = activeKeyId(mode);
        return new Sealed(keyId, Aead.seal(dataKey(keyId), plaintext, aad));
    }

    public Sealed sealCardNumber(ShopMode mode, CardNumber pan, byte[] aad) {
        return seal(mode, pan.expose().getBytes(StandardCharsets.US_ASCII), aad);
    }

    /** Seals under a given data key (a rotation re-sealing rows under its target key). */
    public byte[] sealWith(int keyId, byte[] plaintext, byte[] aad) {
        return Aead.seal(dataKey(keyId), plaintext, aad);
    }

    /** Opens a value sealed under {@code keyId} for the row {@code aad} names; fails for any other row. */
    public byte[] open(int keyId, byte[] ciphertext, byte[] aad) {
        return Aead.open(dataKey(keyId), ciphertext, aad);
    }

    public CardNumber openCardNumber(int keyId, byte[] ciphertext, byte[] aad) {
        return new CardNumber(new String(open(keyId, ciphertext, aad), StandardCharsets.US_ASCII));
    }

    /** The keyed fingerprint of a card number within a shop (HMAC-SHA-256 under the mode's fingerprint key). */
    public byte[] fingerprint(ShopMode mode, long shopPk, CardNumber pan) {
        byte[] key = fingerprintKeys.get(mode);
        if (key == null) {
            throw new VaultKeysUnavailableException(mode);
        }
        return Aead.hmac(key, aad("card-fingerprint", Long.toString(shopPk), pan.expose()));
    }

    /** The mode's active data key id, creating the first data key of the mode if there is none. */
    public int activeKeyId(ShopMode mode) {
        kek(mode);
        return store.activeId(mode).orElseGet(() -> tx.execute(status -> {
            store.lock();
            return store.activeId(mode).orElseGet(() -> createDataKey(mode));
        }));
    }

    /** Makes a new data key the mode's active key, for every node at once; returns its id. */
    public int rotate(ShopMode mode) {
        kek(mode);
        return tx.execute(status -> {
            store.lock();
            return createDataKey(mode);
        });
    }

    /**
     * Additional authenticated data: a purpose and the values that identify the row, each length-prefixed so that
     * no two different lists give the same bytes.
     */
    public static byte[] aad(String purpose, String... parts) {
        var out = new ByteArrayOutputStream();
        write(out, "kessai-vault-v1");
        write(out, purpose);
        for (String part : parts) {
            write(out, part);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private int createDataKey(ShopMode mode) {
        int id = store.nextId();
        SecretKey key = Aead.newKey();
        byte[] wrapped = Aead.seal(Aead.key(kek(mode)), key.getEncoded(), wrapAad(id, mode));
        store.insertActive(id, mode, kekId(mode), wrapped, clock.instant());
        dataKeys.put(id, key);
        return id;
    }

    private SecretKey dataKey(int keyId) {
        SecretKey key = dataKeys.get(keyId);
        if (key != null) {
            return key;
        }
        var wrapped = store.find(keyId).orElseThrow(() -> new IllegalStateException("unknown vault data key " + keyId));
        if (!wrapped.kekId().equals(kekId(wrapped.mode()))) {
            throw new IllegalStateException("vault data key " + keyId + " was wrapped by another " + wrapped.mode()
                    + " KEK than the one configured");
        }
        key = Aead.key(Aead.open(Aead.key(kek(wrapped.mode())), wrapped.wrapped(), wrapAad(keyId, wrapped.mode())));
        dataKeys.put(keyId, key);
        return key;
    }

    private byte[] kek(ShopMode mode) {
        byte[] kek = keks.get(mode);
        if (kek == null) {
            throw new VaultKeysUnavailableException(mode);
        }
        return kek;
    }

    private String kekId(ShopMode mode) {
        return HexFormat.of().formatHex(Aead.hmac(kek(mode), KEK_ID_LABEL), 0, 8);
    }

    private static byte[] wrapAad(int id, ShopMode mode) {
        return aad("data-key", Integer.toString(id), mode.name());
    }

    /** The mode has no KEK (or fingerprint key) configured: production keys are never made up. */
    public static final class VaultKeysUnavailableException extends IllegalStateException {
        VaultKeysUnavailableException(ShopMode mode) {
            super("no vault keys configured for " + mode + " mode (kessai.vault." + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + ".kek and .fingerprint-key)");
        }
    }
}
