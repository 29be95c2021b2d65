package jp.kessai.core.vault;

import java.util.List;
import jp.kessai.core.shop.ShopMode;

/**
 * A table of some capability that holds values sealed by {@link VaultKeys} (the vault's stored cards, the card
 * numbers of credit orders). A key rotation re-seals every such row of a mode under the new data key, batch by batch,
 * through this interface, so the rotation never reaches into another capability's storage.
 */
public interface SealedRows {

    /** A short name for logs and the rotation status (e.g. {@code vault_card}). */
    String name();

    /**
     * Up to {@code limit} rows of shops in {@code mode} sealed under another key than {@code keyId}, locked for update
     * in the caller's transaction; rows another transaction holds are skipped (taken by a later batch).
     */
    List<SealedRow> lockBatchNotUnder(ShopMode mode, int keyId, int limit);

    /** Replaces a locked row's ciphertext, in the caller's transaction. */
    void reseal(SealedRow row, int keyId, byte[] sealed);

    /** How many rows of shops in {@code mode} are still sealed under another key than {@code keyId}. */
    long countNotUnder(ShopMode mode, int keyId);

    /** One sealed value: its row, the key that sealed it, the ciphertext and the additional data that binds it there. */
    record SealedRow(long pk, int keyId, byte[] sealed, byte[] aad) {}
}
