package jp.kessai.core.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.ShopMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of key rotation runs (table vault_rotation) and their leases. */
@Repository
public class RotationStore {

    private final JdbcClient jdbc;

    RotationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RotationRow(long id, ShopMode mode, int targetKeyId, String state, long rowsResealed,
            Instant startedAt, Instant finishedAt) {}

    /** A new RUNNING run; earlier runs of the mode that still run are superseded (the new one re-seals their rows too). */
    public RotationRow start(ShopMode mode, int targetKeyId, Instant now) {
        jdbc.sql("UPDATE vault_rotation SET state = 'SUPERSEDED', finished_at = ? WHERE mode = ? AND state = 'RUNNING'")
                .params(Timestamp.from(now), mode.name()).update();
        return jdbc.sql("""
                INSERT INTO vault_rotation (mode, target_key_id, state, started_at) VALUES (?, ?, 'RUNNING', ?)
                RETURNING *""")
                .params(mode.name(), targetKeyId, Timestamp.from(now)).query(RotationStore::row).single();
    }

    /** RUNNING runs whose lease is free (never taken, expired, or already this owner's). */
    public List<RotationRow> claimable(String owner, Instant now) {
        return jdbc.sql("""
                SELECT * FROM vault_rotation WHERE state = 'RUNNING'
                   AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?) ORDER BY id""")
                .params(Timestamp.from(now), owner).query(RotationStore::row).list();
    }

    /** Takes or extends the lease of a RUNNING run; false when it is not RUNNING or another owner holds it. */
    public boolean lease(long id, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE vault_rotation SET lease_owner = ?, lease_until = ?
                 WHERE id = ? AND state = 'RUNNING' AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)""")
                .params(owner, Timestamp.from(until), id, Timestamp.from(now), owner).update() == 1;
    }

    public void progress(long id, long resealed) {
        jdbc.sql("UPDATE vault_rotation SET rows_resealed = rows_resealed + ? WHERE id = ?").params(resealed, id).update();
    }

    public void done(long id, Instant now) {
        jdbc.sql("UPDATE vault_rotation SET state = 'DONE', finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'RUNNING'")
                .params(Timestamp.from(now), id).update();
    }

    public void release(long id, String owner) {
        jdbc.sql("UPDATE vault_rotation SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
                .params(id, owner).update();
    }

    public Optional<RotationRow> find(long id) {
        return jdbc.sql("SELECT * FROM vault_rotation WHERE id = ?").param(id).query(RotationStore::row).optional();
    }

    public List<RotationRow> recent(int limit) {
        return jdbc.sql("SELECT * FROM vault_rotation ORDER BY id DESC LIMIT ?").param(limit)
                .query(RotationStore::row).list();
    }

    private static RotationRow row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RotationRow(rs.getLong("id"), ShopMode.valueOf(rs.getString("mode")), rs.getInt("target_key_id"),
                rs.getString("state"), rs.getLong("rows_resealed"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
