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
     * Marks the shop's unexpired token used by {@code orderId} (null: an operation without an order, e.g. a card
     * stored in the vault) in the caller's transaction, erasing its card data unless {@code keepData}: true when it was
     * unused, or already spent by that same order whose call the processor never answered (its retry). Only one
     * caller can win a token: the row is locked until the caller's transaction ends.
     */
    public boolean spend(long shopPk, byte[] tokenId, String orderId, boolean keepData, Instant now) {
        return jdbc.sql("""
                UPDATE card_token SET used_at = COALESCE(used_at, :now), spent_order_id = :order,
                                      card_sealed = CASE WHEN :keep THEN card_sealed END
                 WHERE token_id = :id AND shop_pk = :shop AND expires_at > :now AND card_sealed IS NOT NULL
                   AND (used_at IS NULL OR (spent_order_id IS NOT NULL AND spent_order_id = :order))""")
                .param("now", Timestamp.from(now)).param("order", orderId).param("keep", keepData)
                .param("id", tokenId).param("shop", shopPk)
                .update() == 1;
    }

    /** Erases the card data of a spent token (its order's processor answered: the token cannot be used again). */
    public void eraseSpent(long shopPk, byte[] tokenId) {
        jdbc.sql("UPDATE card_token SET card_sealed = NULL WHERE token_id = ? AND shop_pk = ? AND used_at IS NOT NULL")
                .params(tokenId, shopPk).update();
    }

    /**
     * The sealed data of the shop's unexpired token: unused only, or ({@code spentToo}) also one spent by an order
     * whose call the processor never answered — the data is still there for that order's retry.
     */
    public Optional<byte[]> peekByShopAndTokenId(long shopPk, byte[] tokenId, boolean spentToo, Instant now) {
        return jdbc.sql("""
                SELECT card_sealed FROM card_token
                 WHERE token_id = ? AND shop_pk = ? AND expires_at > ? AND card_sealed IS NOT NULL
                   AND (used_at IS NULL OR ?)""")
                .params(tokenId, shopPk, Timestamp.from(now), spentToo).query(byte[].class).optional();
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
