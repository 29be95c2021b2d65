package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenCard;
import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultOutcome;
import jp.kessai.platform.secret.SecurityCode;
import org.springframework.stereotype.Component;

/** Turns a {@link CardSource} into the card data an operation uses. */
@Component
public class CardSources {

    private final Vault vault;
    private final CardTokens tokens;

    CardSources(Vault vault, CardTokens tokens) {
        this.vault = vault;
        this.tokens = tokens;
    }

    /**
     * A card ready to use: its data, the security code (null unless the merchant sent one), the contract it needs,
     * how it was entered, and the stored card it came from (null unless on file).
     */
    public record ResolvedCard(CardData data, SecurityCode securityCode, CreditCharge.CardOrigin origin,
            CardEntry entry, StoredCard stored) {

        @Override
        public String toString() {
            return "ResolvedCard[" + data.pan() + ", origin=" + origin + ", entry=" + entry + "]";
        }
    }

    /**
     * An MP token is redeemed here — used up — so call this once the request passed validation, right before the
     * operation. A shop with no card contract is refused before its token is spent (its operation would be refused
     * anyway); an unknown, used or expired token is refused with its own code.
     */
    public VaultOutcome<ResolvedCard> resolve(Shop shop, CardSource source) {
        return switch (source) {
            // the gateway's own check digit test, before any card company is asked or anything is written
            case CardSource.Direct direct -> direct.card().pan().passesLuhnCheck()
                    ? VaultOutcome.ok(new ResolvedCard(direct.card(), direct.securityCode(),
                            CreditCharge.CardOrigin.DIRECT, CardEntry.CARD_DATA, null))
                    : VaultOutcome.refused(ResultCode.CARD_NUMBER_CHECK_DIGIT);
            case CardSource.Token token -> {
                if (!shop.settings().creditContracted()) {
                    yield VaultOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
                }
                yield switch (tokens.redeem(shop, token.token())) {
                    // the number was checked (Luhn included) when the token was made
                    case CardTokens.Redemption.Redeemed(TokenCard card) -> VaultOutcome.ok(new ResolvedCard(
                            new CardData(card.number(), card.expiryMonth(), card.expiryYear(), card.cardholderName()),
                            card.securityCode(), CreditCharge.CardOrigin.TOKENIZED, CardEntry.MP_TOKEN, null));
                    case CardTokens.Redemption.Unknown u -> VaultOutcome.refused(ResultCode.CARD_TOKEN_NOT_FOUND);
                    case CardTokens.Redemption.AlreadyUsed u -> VaultOutcome.refused(ResultCode.CARD_TOKEN_USED);
                    case CardTokens.Redemption.Expired e -> VaultOutcome.refused(ResultCode.CARD_TOKEN_EXPIRED);
                };
            }
            case CardSource.Wallet wallet -> VaultOutcome.ok(new ResolvedCard(wallet.card(), null,
                    CreditCharge.CardOrigin.TOKENIZED, wallet.entry(), null));
            case CardSource.OnFile onFile -> {
                var card = vault.cardForCharge(shop, onFile.memberId(), onFile.selector());
                if (!card.ok()) {
                    yield card.refusal();
                }
                CardData data = onFile.cardholderName() == null ? card.value().data()
                        : card.value().data().withCardholderName(onFile.cardholderName());
                yield VaultOutcome.ok(new ResolvedCard(data, null, CreditCharge.CardOrigin.STORED, CardEntry.CARD_DATA,
                        card.value().card()));
            }
        };
    }
}
