package jp.kessai.core.vault;

/**
 * A stored card as it may be shown: physical {@code cardId}, logical {@code index} (null for a deleted card), the
 * masked number (last four digits only), brand, expiry, holder and whether it is the member's default card.
 */
public record StoredCard(String memberId, int cardId, Integer index, String cardNoMasked, String brand,
        String expiryMonth, String expiryYear, String cardholderName, boolean isDefault) {}
