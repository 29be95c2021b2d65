package jp.kessai.core.vault.internal;

import jp.kessai.core.vault.VaultKeys;

/** The additional authenticated data of a stored card's number: its shop, member and physical cardId. */
public final class CardAad {

    private CardAad() {}

    public static byte[] of(long shopPk, String memberId, int cardId) {
        return VaultKeys.aad("vault-card", Long.toString(shopPk), memberId, Integer.toString(cardId));
    }
}
