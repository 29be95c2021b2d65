package jp.kessai.core.token.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of issued tokens ({@code card_token}). Rows hold no token and no clear card data: the key is an HMAC of the
 * token, the card data is sealed under a key only the token opens (see {@code CardTokens}).
 */
@Repository
public class CardTokenRows {

    /** A new token's row. */
    public record NewRow(byte[] tokenId, byte[] cardSealed) {}

    /** What a token's row says about it, without its card data. */
    public record State(Instant expiresAt, Instant usedAt) {}

    private final JdbcClient jdbc;

    public CardTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(long shopPk, List<NewRow> rows, String maskedCardNo, boolean securityCodeSet, Instant now,
            Instant expiresAt) {
        for (NewRow row : rows) {
            jdbc.sql("""
                    INSERT INTO card_token (token_id, shop_pk, card_sealed, masked_card_no, security_code_set, created_at,
                                            expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.tokenId(), shopPk, row.cardSealed(), maskedCardNo, securityCodeSet, Timestamp.from(now),
                            Timestamp.from(expiresAt))
                    .update();
        }
    }

    /**
     * Marks the shop's unused, unexpired token used and erases its card data, in one statement, returning the sealed
     * data it held; empty when the token is unknown to this shop, used or expired (only one caller can win).
     */
    public Optional<byte[]> takeByShopAndTokenId(long shopPk, byte[] tokenId, Instant now) {
        return jdbc.sql("""
                UPDATE card_token t SET used_at = :now, card_sealed = NULL
                  FROM (SELECT token_id, card_sealed FROM card_token
                         WHERE token_id = :id AND shop_pk = :shop AND used_at IS NULL AND expires_at > :now
                         FOR UPDATE) old
                 WHERE t.token_id = old.token_id
                RETURNING old.card_sealed""")
                .param("now", Timestamp.from(now)).param("id", tokenId).param("shop", shopPk)
                .query(byte[].class).optional();
    }

    /** The sealed data of the shop's unused, unexpired token, leaving it usable; empty otherwise. */
    public Optional<byte[]> peekByShopAndTokenId(long shopPk, byte[] tokenId, Instant now) {
        return jdbc.sql("""
                SELECT card_sealed FROM card_token
                 WHERE token_id = ? AND shop_pk = ? AND used_at IS NULL AND expires_at > ? AND card_sealed IS NOT NULL""")
                .params(tokenId, shopPk, Timestamp.from(now)).query(byte[].class).optional();
    }

    public Optional<State> stateByShopAndTokenId(long shopPk, byte[] tokenId) {
        return jdbc.sql("SELECT expires_at, used_at FROM card_token WHERE token_id = ? AND shop_pk = ?")
                .params(tokenId, shopPk)
                .query((rs, n) -> new State(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Erases the card data of tokens expired before {@code now}; returns how many. */
    public int eraseExpired(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE card_token SET card_sealed = NULL
                 WHERE token_id IN (SELECT token_id FROM card_token
                                     WHERE expires_at <= ? AND card_sealed IS NOT NULL LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(Timestamp.from(now), limit).update();
    }

    /** Deletes tokens that expired before {@code cutoff}; returns how many. */
    public int deleteExpiredBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM card_token
                 WHERE token_id IN (SELECT token_id FROM card_token WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(Timestamp.from(cutoff), limit).update();
    }
}
