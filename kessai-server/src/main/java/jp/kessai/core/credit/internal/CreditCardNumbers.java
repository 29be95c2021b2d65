package jp.kessai.core.credit.internal;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.SealedRows;
import jp.kessai.core.vault.VaultKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sealed card number of each credit order (credit_order.card_no_enc, sealed by the vault's keys, bound to the
 * shop and the order), kept so that /credit/storeCard can store the card of an earlier successful transaction. It is
 * a {@link SealedRows} table, so key rotation re-seals it too.
 */
@Repository
public class CreditCardNumbers implements SealedRows {

    private final JdbcClient jdbc;

    CreditCardNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The additional authenticated data of an order's card number. */
    public static byte[] aad(long shopPk, long orderPk) {
        return VaultKeys.aad("credit-order-card", Long.toString(shopPk), Long.toString(orderPk));
    }

    /** Written with the claim, next to the charge's card details (which {@code saveCharge} wrote just before). */
    public void save(long orderPk, VaultKeys.Sealed sealed) {
        jdbc.sql("UPDATE credit_order SET card_no_enc = ?, card_key_id = ? WHERE order_pk = ?")
                .params(sealed.ciphertext(), sealed.keyId(), orderPk).update();
    }

    public Optional<VaultKeys.Sealed> findByShopAndOrder(long shopPk, long orderPk) {
        return jdbc.sql("""
                SELECT c.card_key_id, c.card_no_enc FROM credit_order c JOIN payment_order o ON o.id = c.order_pk
                 WHERE o.shop_pk = ? AND c.order_pk = ? AND c.card_no_enc IS NOT NULL""")
                .params(shopPk, orderPk).query((rs, n) -> new VaultKeys.Sealed(rs.getInt(1), rs.getBytes(2))).optional();
    }

    @Override
    public String name() {
        return "credit_order";
    }

    @Override
    public List<SealedRow> lockBatchNotUnder(ShopMode mode, int keyId, int limit) {
        return jdbc.sql("""
                SELECT c.order_pk, c.card_key_id, c.card_no_enc, o.shop_pk
                  FROM credit_order c JOIN payment_order o ON o.id = c.order_pk JOIN shop s ON s.id = o.shop_pk
                 WHERE s.mode = ? AND c.card_key_id IS NOT NULL AND c.card_key_id <> ?
                 ORDER BY c.order_pk LIMIT ? FOR UPDATE OF c SKIP LOCKED""")
                .params(mode.name(), keyId, limit)
                .query((rs, n) -> new SealedRow(rs.getLong(1), rs.getInt(2), rs.getBytes(3), aad(rs.getLong(4), rs.getLong(1))))
                .list();
    }

    @Override
    public void reseal(SealedRow row, int keyId, byte[] sealed) {
        jdbc.sql("UPDATE credit_order SET card_no_enc = ?, card_key_id = ? WHERE order_pk = ?")
                .params(sealed, keyId, row.pk()).update();
    }

    @Override
    public long countNotUnder(ShopMode mode, int keyId) {
        return jdbc.sql("""
                SELECT count(*) FROM credit_order c JOIN payment_order o ON o.id = c.order_pk JOIN shop s ON s.id = o.shop_pk
                 WHERE s.mode = ? AND c.card_key_id IS NOT NULL AND c.card_key_id <> ?""")
                .params(mode.name(), keyId).query(Long.class).single();
    }
}
