package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
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

    CardSources(Vault vault) {
        this.vault = vault;
    }

    /**
     * A card ready to use: its data, the security code (null unless the merchant sent one), the contract it needs,
     * and the stored card it came from (null unless on file).
     */
    public record ResolvedCard(CardData data, SecurityCode securityCode, CreditCharge.CardOrigin origin,
            StoredCard stored) {

        @Override
        public String toString() {
            return "ResolvedCard[" + data.pan() + ", origin=" + origin + "]";
        }
    }

    public VaultOutcome<ResolvedCard> resolve(Shop shop, CardSource source) {
        return switch (source) {
            // the gateway's own check digit test, before any card company is asked or anything is written
            case CardSource.Direct direct -> direct.card().pan().passesLuhnCheck()
                    ? VaultOutcome.ok(new ResolvedCard(direct.card(), direct.securityCode(),
                            CreditCharge.CardOrigin.DIRECT, null))
                    : VaultOutcome.refused(ResultCode.CARD_NUMBER_CHECK_DIGIT);
            case CardSource.OnFile onFile -> {
                var card = vault.cardForCharge(shop, onFile.memberId(), onFile.selector());
                if (!card.ok()) {
                    yield card.refusal();
                }
                CardData data = onFile.cardholderName() == null ? card.value().data()
                        : card.value().data().withCardholderName(onFile.cardholderName());
                yield VaultOutcome.ok(new ResolvedCard(data, null, CreditCharge.CardOrigin.STORED, card.value().card()));
            }
        };
    }
}
