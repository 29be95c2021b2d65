package jp.kessai.core.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.SealedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of members and stored cards (tables vault_member, vault_card), every query scoped by shop. Card numbers
 * arrive and leave sealed; this class never sees them in clear. It is also the {@link SealedRows} of vault_card for
 * key rotation.
 */
@Repository
public class VaultStore implements SealedRows {

    private final JdbcClient jdbc;

    VaultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record MemberRow(long pk, long shopPk, String memberId, String memberName, int nextCardId, boolean deleted) {}

    public record CardRow(long pk, long memberPk, int cardId, int keyId, byte[] sealed, String masked, String brand,
            String expiryMonth, String expiryYear, String cardholderName, boolean isDefault, boolean deleted) {}

    /** The member, locked for update (the lock serialises every change to its cards). */
    public Optional<MemberRow> lockByShopAndMemberId(long shopPk, String memberId) {
        return jdbc.sql("""
                SELECT id, shop_pk, member_id, member_name, next_card_id, deleted FROM vault_member
                 WHERE shop_pk = ? AND member_id = ? FOR UPDATE""")
                .params(shopPk, memberId).query(VaultStore::member).optional();
    }

    public Optional<MemberRow> findByShopAndMemberId(long shopPk, String memberId) {
        return jdbc.sql("""
                SELECT id, shop_pk, member_id, member_name, next_card_id, deleted FROM vault_member
                 WHERE shop_pk = ? AND member_id = ?""")
                .params(shopPk, memberId).query(VaultStore::member).optional();
    }

    /** Inserts a member; empty when the memberId is taken (by a member, deleted or not). */
    public Optional<MemberRow> insertMember(long shopPk, String memberId, String memberName, Instant now) {
        return jdbc.sql("""
                INSERT INTO vault_member (shop_pk, member_id, member_name, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                RETURNING id, shop_pk, member_id, member_name, next_card_id, deleted""")
                .params(shopPk, memberId, memberName, Timestamp.from(now), Timestamp.from(now))
                .query(VaultStore::member).optional();
    }

    public void deleteMember(MemberRow member, Instant now) {
        jdbc.sql("""
                UPDATE vault_card SET deleted = true, is_default = false, deleted_at = ?, updated_at = ?
                 WHERE member_pk = ? AND NOT deleted""")
                .params(Timestamp.from(now), Timestamp.from(now), member.pk()).update();
        jdbc.sql("UPDATE vault_member SET deleted = true, deleted_at = ?, updated_at = ? WHERE id = ? AND shop_pk = ?")
                .params(Timestamp.from(now), Timestamp.from(now), member.pk(), member.shopPk()).update();
    }

    /** The member's cards that are not deleted, ascending cardId (their index order). */
    public List<CardRow> activeCards(MemberRow member) {
        return jdbc.sql("""
                SELECT c.* FROM vault_card c JOIN vault_member m ON m.id = c.member_pk
                 WHERE m.shop_pk = ? AND c.member_pk = ? AND NOT c.deleted ORDER BY c.card_id""")
                .params(member.shopPk(), member.pk()).query(VaultStore::card).list();
    }

    /** {@link #activeCards}, or no cards for a member that does not exist yet. */
    public List<CardRow> activeCardsIfAny(MemberRow member) {
        return member == null ? List.of() : activeCards(member);
    }

    /**
     * Whether a member of the shop other than {@code memberPk} and outside {@code excludedMemberIds} holds a card
     * with this fingerprint (deleted cards counted when asked).
     */
    public boolean fingerprintHeldByAnotherMember(long shopPk, long memberPk, byte[] fingerprint,
            boolean includeDeleted, List<String> excludedMemberIds) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM vault_card c JOIN vault_member m ON m.id = c.member_pk
                 WHERE m.shop_pk = :shop AND c.fingerprint = :fingerprint AND c.member_pk <> :member
                   AND (:includeDeleted OR NOT c.deleted)
                   AND NOT (m.member_id = ANY (CAST(:excluded AS varchar[]))))""")
                .param("shop", shopPk).param("fingerprint", fingerprint).param("member", memberPk)
                .param("includeDeleted", includeDeleted)
                .param("excluded", excludedMemberIds.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /** Takes the member's next physical cardId. */
    public int takeCardId(MemberRow member, Instant now) {
        return jdbc.sql("""
                UPDATE vault_member SET next_card_id = next_card_id + 1, updated_at = ?
                 WHERE id = ? AND shop_pk = ? RETURNING next_card_id - 1""")
                .params(Timestamp.from(now), member.pk(), member.shopPk()).query(Integer.class).single();
    }

    public void insertCard(MemberRow member, int cardId, int keyId, byte[] sealed, String masked, byte[] fingerprint,
            String brand, String expiryMonth, String expiryYear, String cardholderName, Instant now) {
        jdbc.sql("""
                INSERT INTO vault_card (member_pk, card_id, card_type, key_id, card_no_enc, card_no_masked, fingerprint,
                    brand, expiry_month, expiry_year, cardholder_name, created_at, updated_at)
                VALUES (?, ?, 'CREDIT_CARD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(member.pk(), cardId, keyId, sealed, masked, fingerprint, brand, expiryMonth, expiryYear,
                        cardholderName, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    public void overwriteCard(CardRow card, int keyId, byte[] sealed, String masked, byte[] fingerprint, String brand,
            String expiryMonth, String expiryYear, String cardholderName, Instant now) {
        jdbc.sql("""
                UPDATE vault_card SET key_id = ?, card_no_enc = ?, card_no_masked = ?, fingerprint = ?, brand = ?,
                       expiry_month = ?, expiry_year = ?, cardholder_name = ?, updated_at = ?
                 WHERE id = ? AND member_pk = ?""")
                .params(keyId, sealed, masked, fingerprint, brand, expiryMonth, expiryYear, cardholderName,
                        Timestamp.from(now), card.pk(), card.memberPk())
                .update();
    }

    /** Makes {@code cardId} the member's only default card. */
    public void makeDefault(MemberRow member, int cardId, Instant now) {
        jdbc.sql("UPDATE vault_card SET is_default = false, updated_at = ? WHERE member_pk = ? AND is_default AND card_id <> ?")
                .params(Timestamp.from(now), member.pk(), cardId).update();
        jdbc.sql("UPDATE vault_card SET is_default = true, updated_at = ? WHERE member_pk = ? AND card_id = ?")
                .params(Timestamp.from(now), member.pk(), cardId).update();
    }

    public void deleteCard(CardRow card, Instant now) {
        jdbc.sql("""
                UPDATE vault_card SET deleted = true, is_default = false, deleted_at = ?, updated_at = ?
                 WHERE id = ? AND member_pk = ?""")
                .params(Timestamp.from(now), Timestamp.from(now), card.pk(), card.memberPk()).update();
    }

    public void updateCardholderName(CardRow card, String cardholderName, Instant now) {
        jdbc.sql("UPDATE vault_card SET cardholder_name = ?, updated_at = ? WHERE id = ? AND member_pk = ? AND NOT deleted")
                .params(cardholderName, Timestamp.from(now), card.pk(), card.memberPk()).update();
    }

    // --- SealedRows: key rotation of vault_card

    @Override
    public String name() {
        return "vault_card";
    }

    @Override
    public List<SealedRow> lockBatchNotUnder(ShopMode mode, int keyId, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.key_id, c.card_no_enc, m.shop_pk, m.member_id, c.card_id
                  FROM vault_card c JOIN vault_member m ON m.id = c.member_pk JOIN shop s ON s.id = m.shop_pk
                 WHERE s.mode = ? AND c.key_id <> ?
                 ORDER BY c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED""")
                .params(mode.name(), keyId, limit)
                .query((rs, n) -> new SealedRow(rs.getLong(1), rs.getInt(2), rs.getBytes(3),
                        CardAad.of(rs.getLong(4), rs.getString(5), rs.getInt(6))))
                .list();
    }

    @Override
    public void reseal(SealedRow row, int keyId, byte[] sealed) {
        jdbc.sql("UPDATE vault_card SET key_id = ?, card_no_enc = ? WHERE id = ?").params(keyId, sealed, row.pk()).update();
    }

    @Override
    public long countNotUnder(ShopMode mode, int keyId) {
        return jdbc.sql("""
                SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk JOIN shop s ON s.id = m.shop_pk
                 WHERE s.mode = ? AND c.key_id <> ?""")
                .params(mode.name(), keyId).query(Long.class).single();
    }

    private static MemberRow member(ResultSet rs, int n) throws SQLException {
        return new MemberRow(rs.getLong("id"), rs.getLong("shop_pk"), rs.getString("member_id"),
                rs.getString("member_name"), rs.getInt("next_card_id"), rs.getBoolean("deleted"));
    }

    private static CardRow card(ResultSet rs, int n) throws SQLException {
        return new CardRow(rs.getLong("id"), rs.getLong("member_pk"), rs.getInt("card_id"), rs.getInt("key_id"),
                rs.getBytes("card_no_enc"), rs.getString("card_no_masked"), rs.getString("brand"),
                rs.getString("expiry_month"), rs.getString("expiry_year"), rs.getString("cardholder_name"),
                rs.getBoolean("is_default"), rs.getBoolean("deleted"));
    }
}
