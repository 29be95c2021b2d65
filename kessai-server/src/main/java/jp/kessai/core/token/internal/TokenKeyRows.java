package jp.kessai.core.token.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the tokenizer's per-shop keys ({@code mp_token_key}). */
@Repository
public class TokenKeyRows {

    /** One shop's keys; the private key as sealed by the field cipher. */
    public record Row(long shopPk, String apiKey, byte[] publicKey, byte[] privateKeySealed) {}

    private final JdbcClient jdbc;

    public TokenKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the shop's keys unless it has some; returns the keys it has afterwards (another node may have won). */
    public Row insertIfAbsent(Row row, Instant now) {
        jdbc.sql("""
                INSERT INTO mp_token_key (shop_pk, api_key, public_key, private_key_enc, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (shop_pk) DO NOTHING""")
                .params(row.shopPk(), row.apiKey(), row.publicKey(), row.privateKeySealed(), Timestamp.from(now))
                .update();
        return findByShop(row.shopPk()).orElseThrow();
    }

    public Optional<Row> findByShop(long shopPk) {
        return jdbc.sql("SELECT shop_pk, api_key, public_key, private_key_enc FROM mp_token_key WHERE shop_pk = ?")
                .param(shopPk).query(TokenKeyRows::map).optional();
    }

    public Optional<Row> findByApiKey(String apiKey) {
        return jdbc.sql("SELECT shop_pk, api_key, public_key, private_key_enc FROM mp_token_key WHERE api_key = ?")
                .param(apiKey).query(TokenKeyRows::map).optional();
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
    }
}
