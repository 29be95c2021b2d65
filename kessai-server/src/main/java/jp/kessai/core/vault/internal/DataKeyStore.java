package jp.kessai.core.vault.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.ShopMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the vault's wrapped data keys (table vault_data_key): one active key per mode. */
@Repository
public class DataKeyStore {

    /** Serialises data key creation across nodes (transaction-scoped advisory lock). */
    private static final long LOCK = 7352002L;

    private final JdbcClient jdbc;

    DataKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record WrappedKey(int id, ShopMode mode, String kekId, byte[] wrapped, boolean active, Instant createdAt) {}

    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
    }

    public Optional<Integer> activeId(ShopMode mode) {
        return jdbc.sql("SELECT id FROM vault_data_key WHERE mode = ? AND active").param(mode.name())
                .query(Integer.class).optional();
    }

    public Optional<WrappedKey> find(int id) {
        return jdbc.sql("SELECT id, mode, kek_id, wrapped_key, active, created_at FROM vault_data_key WHERE id = ?")
                .param(id).query((rs, n) -> new WrappedKey(rs.getInt(1), ShopMode.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBytes(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    public List<WrappedKey> all() {
        return jdbc.sql("SELECT id, mode, kek_id, wrapped_key, active, created_at FROM vault_data_key ORDER BY id")
                .query((rs, n) -> new WrappedKey(rs.getInt(1), ShopMode.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBytes(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public int nextId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM vault_data_key").query(Integer.class).single();
    }

    /** Inserts {@code id} as the mode's active key (the previous one stays, inactive, for reading). Caller holds the lock. */
    public void insertActive(int id, ShopMode mode, String kekId, byte[] wrapped, Instant now) {
        jdbc.sql("UPDATE vault_data_key SET active = false WHERE mode = ? AND active").param(mode.name()).update();
        jdbc.sql("""
                INSERT INTO vault_data_key (id, mode, kek_id, wrapped_key, created_at, active)
                VALUES (?, ?, ?, ?, ?, true)""")
                .params(id, mode.name(), kekId, wrapped, Timestamp.from(now)).update();
    }
}
