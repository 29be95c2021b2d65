package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenCard;
import jp.kessai.core.token.TokenSpend;
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
     * how it was entered, the stored card it came from (null unless on file), and what spends its MP token at the
     * operation's claim ({@link TokenSpend#NONE} for other cards): the operation joins it to its participant.
     */
    public record ResolvedCard(CardData data, SecurityCode securityCode, CreditCharge.CardOrigin origin,
            CardEntry entry, StoredCard stored, TokenSpend spend) {

        ResolvedCard(CardData data, SecurityCode securityCode, CreditCharge.CardOrigin origin, CardEntry entry,
                StoredCard stored) {
            this(data, securityCode, origin, entry, stored, TokenSpend.NONE);
        }

        @Override
        public String toString() {
            return "ResolvedCard[" + data.pan() + ", origin=" + origin + ", entry=" + entry + "]";
        }
    }

    /**
     * An MP token is read here, not spent: the operation spends it in its claim by joining {@link ResolvedCard#spend}
     * to its participant, so a request refused or cut off before its claim leaves the token usable. A shop with no
     * card contract is refused at once; an unknown, used or expired token is refused with its own code.
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
                yield switch (tokens.forUse(shop, token.token())) {
                    // the number was checked (Luhn included) when the token was made
                    case CardTokens.Redemption.Redeemed(TokenCard card, TokenSpend spend) -> VaultOutcome.ok(
                            new ResolvedCard(new CardData(card.number(), card.expiryMonth(), card.expiryYear(),
                                    card.cardholderName()), card.securityCode(), CreditCharge.CardOrigin.TOKENIZED,
                                    CardEntry.MP_TOKEN, null, spend));
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
