package jp.kessai.core.credit;

import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.CardSelector;
import jp.kessai.platform.secret.SecurityCode;

/**
 * Where the card of a verification, a card storing or an on-file payment comes from. A face turns its request's
 * card object into one of these; {@link CardSources#resolve} turns it into card data. A new kind of source (an MP
 * token) is one more record here and one more case there.
 */
public sealed interface CardSource permits CardSource.Direct, CardSource.OnFile {

    /** Card data sent by the merchant (PCI DSS certified shops only). The security code is used once, never stored. */
    record Direct(CardData card, SecurityCode securityCode) implements CardSource {}

    /**
     * A card stored in the vault: by cardId, index or the default card; {@code cardholderName}, when set, is used
     * instead of the stored one and replaces it once the operation succeeded.
     */
    record OnFile(String memberId, CardSelector selector, String cardholderName) implements CardSource {}
}
