package jp.kessai.core.credit;

import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.CardSelector;
import jp.kessai.platform.secret.SecurityCode;

/**
 * Where the card of a verification, a card storing or an on-file payment comes from. A face turns its request's
 * card object into one of these; {@link CardSources#resolve} turns it into card data.
 */
public sealed interface CardSource permits CardSource.Direct, CardSource.OnFile, CardSource.Token, CardSource.Wallet {

    /** Card data sent by the merchant (PCI DSS certified shops only). The security code is used once, never stored. */
    record Direct(CardData card, SecurityCode securityCode) implements CardSource {}

    /**
     * A card stored in the vault: by cardId, index or the default card; {@code cardholderName}, when set, is used
     * instead of the stored one and replaces it once the operation succeeded.
     */
    record OnFile(String memberId, CardSelector selector, String cardholderName) implements CardSource {}

    /**
     * An MP token (mp-token.js): read when resolved and used up by the claim of the operation that uses the card,
     * whatever it then does with the card ({@link CardSources.ResolvedCard#spend}).
     * Printing it masks the token, which opens the card until then.
     */
    record Token(String token) implements CardSource {

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    /**
     * A wallet payment token (Apple Pay, Google Pay) the face already opened; no security code. {@code entry} is
     * {@link CardEntry#APPLE_PAY} or {@link CardEntry#GOOGLE_PAY}.
     */
    record Wallet(CardEntry entry, CardData card) implements CardSource {}
}
