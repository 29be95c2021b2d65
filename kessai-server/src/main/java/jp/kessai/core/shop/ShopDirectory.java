package jp.kessai.core.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.Password;
import jp.kessai.platform.text.StorableText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Shops: credential checks (constant time, password never logged or returned) and administration. */
@Service
public class ShopDirectory {

    private static final byte[] DUMMY_DIGEST = sha256("kessai-no-such-shop");
    /**
     * How long a node keeps a shop's credential digest and settings after reading them. Authentication runs on every
     * request; without this it was a database read plus an AES-GCM decryption each time (13–16 % of CPU under load,
     * docs/performance.md). Changes made through this class take effect at once on this node, within this time on
     * the others.
     */
    static final long CREDENTIAL_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private record CachedCredentials(Shop shop, byte[] passwordDigest, long expiresAtNanos) {}

    private final java.util.concurrent.ConcurrentMap<String, CachedCredentials> credentials =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    public ShopDirectory(JdbcClient jdbc, FieldCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The shop named by ShopID whose password equals {@code shopPass}, or empty. Takes the same time whether the shop
     * is unknown or the password wrong; the comparison itself is constant time.
     */
    public Optional<Shop> authenticate(String shopId, Password shopPass) {
        if (shopId == null || shopPass == null || !StorableText.storable(shopId) || !StorableText.storable(shopPass.expose())) {
            // U+0000 or a lone surrogate names no shop and must not reach a query; the faces refuse it first
            MessageDigest.isEqual(DUMMY_DIGEST, sha256(""));
            return Optional.empty();
        }
        CachedCredentials known = credentials(shopId);
        byte[] expected = known == null ? DUMMY_DIGEST : known.passwordDigest();
        boolean match = MessageDigest.isEqual(expected, sha256(shopPass.expose()));
        return match && known != null ? Optional.of(known.shop()) : Optional.empty();
    }

    /** The shop's credential digest, from this node's short-lived cache or the database; null for an unknown shop. */
    private CachedCredentials credentials(String shopId) {
        long now = System.nanoTime();
        CachedCredentials cached = credentials.get(shopId);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return cached;
        }
        Optional<StoredShop> stored = findStoredByShopId(shopId);
        if (stored.isEmpty()) {
            credentials.remove(shopId); // unknown shops are never cached: guessed ShopIDs cannot fill the map
            return null;
        }
        var fresh = new CachedCredentials(stored.get().shop(), sha256(cipher.decrypt(stored.get().passwordSealed())),
                now + CREDENTIAL_CACHE_NANOS);
        credentials.put(shopId, fresh);
        return fresh;
    }

    public Optional<Shop> findByShopId(String shopId) {
        return findStoredByShopId(shopId).map(StoredShop::shop);
    }

    public Optional<Shop> findById(long id) {
        return jdbc.sql("SELECT id, shop_id, shop_pass_enc, robot_aid, mode, settings::text FROM shop WHERE id = ?")
                .param(id).query(this::mapStored).optional().map(StoredShop::shop);
    }

    public Shop updateSettings(long id, ShopSettings settings) {
        jdbc.sql("UPDATE shop SET settings = CAST(? AS jsonb), updated_at = ? WHERE id = ?")
                .params(json.writeValueAsString(settings), Timestamp.from(clock.instant()), id).update();
        Shop updated = findById(id).orElseThrow();
        credentials.remove(updated.shopId());
        return updated;
    }

    /**
     * The lowercase hex MD5 of {@code data} followed by the shop password — the protocol type's CheckString
     * (seed 001 §2.1.2.4). The password never leaves this class.
     */
    public String md5WithShopPass(Shop shop, String data) {
        byte[] sealed = jdbc.sql("SELECT shop_pass_enc FROM shop WHERE id = ?").param(shop.id()).query(byte[].class).single();
        return md5Hex(data + cipher.decrypt(sealed));
    }

    /** Lowercase hex MD5 of the UTF-8 bytes (all CheckString inputs are ASCII, so UTF-8 = Windows-31J here). */
    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the shop, or updates password, store id and mode of an existing one. */
    public Shop upsert(String shopId, Password shopPass, String robotAid, ShopMode mode) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO shop (shop_id, shop_pass_enc, robot_aid, mode, settings, created_at, updated_at)
                VALUES (:shopId, :pass, :aid, :mode, CAST(:settings AS jsonb), :now, :now)
                ON CONFLICT (shop_id) DO UPDATE
                   SET shop_pass_enc = excluded.shop_pass_enc, robot_aid = excluded.robot_aid,
                       mode = excluded.mode, updated_at = excluded.updated_at
                """)
                .param("shopId", shopId)
                .param("pass", cipher.encrypt(shopPass.expose()))
                .param("aid", robotAid)
                .param("mode", mode.name())
                .param("settings", json.writeValueAsString(ShopSettings.defaults()))
                .param("now", now)
                .update();
        credentials.remove(shopId);
        return findByShopId(shopId).orElseThrow();
    }

    /** What {@link #create} did: the new shop, or which of its unique ids another shop already has. */
    public sealed interface Creation {
        record Created(Shop shop) implements Creation {}

        record ShopIdTaken() implements Creation {}

        record RobotAidTaken() implements Creation {}
    }

    /** Creations racing for the same next free ROBOT PAYMENT aid: the losers take the one after, this many times. */
    static final int ROBOT_AID_ATTEMPTS = 5;

    /**
     * Creates a shop that must not exist yet, with its password stored as {@link #upsert} stores it. A null
     * {@code robotAid} takes the next free one after the highest numeric aid from 500001 up (below that, aids are
     * left to shops created with one, such as the demo shop's 100001), or none when 999999 is taken. Never changes an existing shop.
     */
    public Creation create(String shopId, String shopPass, String robotAid, ShopMode mode, ShopSettings settings) {
        if (!Shop.SHOP_ID_FORMAT.matcher(shopId).matches() || !Shop.SHOP_PASS_FORMAT.matcher(shopPass).matches()
                || (robotAid != null && !Shop.ROBOT_AID_FORMAT.matcher(robotAid).matches())) {
            throw new IllegalArgumentException("ShopID, ShopPass or aid out of format: check them before create");
        }
        for (int attempt = 0; attempt < ROBOT_AID_ATTEMPTS; attempt++) {
            var now = Timestamp.from(clock.instant());
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO shop (shop_id, shop_pass_enc, robot_aid, mode, settings, created_at, updated_at)
                    VALUES (:shopId, :pass, COALESCE(CAST(:aid AS varchar),
                              (SELECT lpad((COALESCE(max(robot_aid::int), 500000) + 1)::text, 6, '0') FROM shop
                                WHERE robot_aid ~ '^[0-9]{6}$' AND robot_aid >= '500001'
                               HAVING COALESCE(max(robot_aid::int), 500000) < 999999)),
                            :mode, CAST(:settings AS jsonb), :now, :now)
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """)
                    .param("shopId", shopId)
                    .param("pass", cipher.encrypt(shopPass))
                    .param("aid", robotAid)
                    .param("mode", mode.name())
                    .param("settings", json.writeValueAsString(settings))
                    .param("now", now)
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                credentials.remove(shopId);
                return new Creation.Created(findById(id.get()).orElseThrow());
            }
            if (findStoredByShopId(shopId).isPresent()) {
                return new Creation.ShopIdTaken();
            }
            if (robotAid != null) {
                return new Creation.RobotAidTaken();
            }
        }
        return new Creation.RobotAidTaken();
    }

    /** Replaces the shop's settings document. */
    public Shop updateSettings(String shopId, ShopSettings settings) {
        jdbc.sql("UPDATE shop SET settings = CAST(? AS jsonb), updated_at = ? WHERE shop_id = ?")
                .params(json.writeValueAsString(settings), Timestamp.from(clock.instant()), shopId)
                .update();
        credentials.remove(shopId);
        return findByShopId(shopId).orElseThrow();
    }


    private Optional<StoredShop> findStoredByShopId(String shopId) {
        return jdbc.sql("SELECT id, shop_id, shop_pass_enc, robot_aid, mode, settings::text FROM shop WHERE shop_id = ?")
                .param(shopId)
                .query(this::mapStored)
                .optional();
    }

    private StoredShop mapStored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredShop(new Shop(rs.getLong(1), rs.getString(2), rs.getString(4), ShopMode.valueOf(rs.getString(5)),
                json.readValue(rs.getString(6), ShopSettings.class)), rs.getBytes(3));
    }

    private record StoredShop(Shop shop, byte[] passwordSealed) {}

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
