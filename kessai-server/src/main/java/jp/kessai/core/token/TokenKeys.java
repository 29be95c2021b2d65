package jp.kessai.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.token.internal.TokenKeyRows;
import jp.kessai.platform.crypto.FieldCipher;
import org.springframework.stereotype.Service;

/**
 * Each shop's tokenizer keys: an API key (public: the merchant's page carries it, it names the shop) and an RSA-2048
 * key pair. The browser encrypts card data with the public key (Web Crypto RSA-OAEP, SHA-256); only Kessai holds the
 * private key, sealed at rest by the field cipher. A shop gets its keys on first use ({@link #ensure}), the demo shop
 * at start-up.
 */
@Service
public class TokenKeys {

    /** RSA modulus: 2048 bits take card data of up to 190 bytes under OAEP/SHA-256 (a card needs at most ~170). */
    static final int RSA_BITS = 2048;
    private static final OAEPParameterSpec OAEP_SHA256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    /** What a merchant configures in its page: {@code Multipayment.init(apiKey, publicKey, …)}. */
    public record ShopKeys(String apiKey, String publicKey) {
        @Override
        public String toString() {
            return "ShopKeys[apiKey=" + apiKey + "]";
        }
    }

    /** The result of opening browser-encrypted card data. */
    public sealed interface Opened {
        record Plaintext(long shopPk, byte[] bytes) implements Opened {
            @Override
            public String toString() {
                return "Plaintext[shopPk=" + shopPk + "]";
            }
        }

        record UnknownApiKey() implements Opened {}

        record Undecryptable() implements Opened {}
    }

    private final TokenKeyRows rows;
    private final FieldCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PrivateKeyOfShop> privateKeys = new ConcurrentHashMap<>();

    private record PrivateKeyOfShop(long shopPk, PrivateKey key) {}

    public TokenKeys(TokenKeyRows rows, FieldCipher cipher, Clock clock) {
        this.rows = rows;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The shop's keys, created on first call (concurrent first calls agree on one pair). */
    public ShopKeys ensure(Shop shop) {
        var existing = rows.findByShop(shop.id());
        if (existing.isPresent()) {
            return view(existing.get());
        }
        KeyPair pair = generate();
        String apiKey = Base64.getEncoder().encodeToString(
                (HexFormat.of().formatHex(randomBytes(32)) + shop.shopId()).getBytes(StandardCharsets.US_ASCII));
        var sealed = cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        return view(rows.insertIfAbsent(new TokenKeyRows.Row(shop.id(), apiKey, pair.getPublic().getEncoded(), sealed),
                clock.instant()));
    }

    /** The shop's keys if it has any. */
    public Optional<ShopKeys> find(Shop shop) {
        return rows.findByShop(shop.id()).map(TokenKeys::view);
    }

    /**
     * Decrypts {@code encryptedBase64} (RSA-OAEP with SHA-256 under the public key of the shop that {@code apiKey}
     * names). A wrong key, padding or length all give the same {@link Opened.Undecryptable}.
     */
    public Opened open(String apiKey, String encryptedBase64) {
        PrivateKeyOfShop key = privateKey(apiKey);
        if (key == null) {
            return new Opened.UnknownApiKey();
        }
        byte[] encrypted;
        try {
            encrypted = Base64.getDecoder().decode(encryptedBase64.strip());
        } catch (IllegalArgumentException e) {
            return new Opened.Undecryptable();
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key.key(), OAEP_SHA256);
            return new Opened.Plaintext(key.shopPk(), rsa.doFinal(encrypted));
        } catch (GeneralSecurityException e) {
            return new Opened.Undecryptable();
        }
    }

    private PrivateKeyOfShop privateKey(String apiKey) {
        PrivateKeyOfShop cached = privateKeys.get(apiKey);
        if (cached != null) {
            return cached;
        }
        var row = rows.findByApiKey(apiKey);
        if (row.isEmpty()) {
            return null; // unknown keys are not cached: guessed keys cannot fill the map
        }
        try {
            byte[] der = Base64.getDecoder().decode(cipher.decrypt(row.get().privateKeySealed()));
            var key = new PrivateKeyOfShop(row.get().shopPk(),
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
            privateKeys.put(apiKey, key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored tokenizer key cannot be read", e);
        }
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static ShopKeys view(TokenKeyRows.Row row) {
        return new ShopKeys(row.apiKey(), Base64.getEncoder().encodeToString(row.publicKey()));
    }
}
