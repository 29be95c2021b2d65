package jp.kessai.core.credit;

import java.util.Set;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditCardNumbers;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.StoreOptions;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultKeys;
import jp.kessai.core.vault.VaultOutcome;
import org.springframework.stereotype.Service;

/**
 * カード登録 (/credit/storeCard): stores a card without verifying it — card data sent by the merchant (PCI DSS
 * shops), or the card of an earlier successful credit transaction of the shop (by its AccessID).
 */
@Service
public class CreditCardStoring {

    /** The states of a transaction whose card may be stored: authorised, captured, sold, or verified. */
    static final Set<OrderStatus> STORABLE = Set.of(OrderStatus.AUTH, OrderStatus.CAPTURE, OrderStatus.SALES,
            OrderStatus.CHECK);

    private final CardSources sources;
    private final CreditOrderLookup lookup;
    private final CreditOrders credit;
    private final CreditCardNumbers cardNumbers;
    private final VaultKeys keys;
    private final Vault vault;

    CreditCardStoring(CardSources sources, CreditOrderLookup lookup, CreditOrders credit, CreditCardNumbers cardNumbers,
            VaultKeys keys, Vault vault) {
        this.sources = sources;
        this.lookup = lookup;
        this.credit = credit;
        this.cardNumbers = cardNumbers;
        this.keys = keys;
        this.vault = vault;
    }

    public VaultOutcome<StoreResult> store(Shop shop, CardSource source, StoreOptions options,
            Participant<VaultOutcome<StoreResult>> participant) {
        var resolved = sources.resolve(shop, source);
        if (!resolved.ok()) {
            return resolved.refusal();
        }
        if (!shop.settings().creditContracted() || (resolved.value().origin() == CreditCharge.CardOrigin.DIRECT
                && !shop.settings().pciDssCompliant())) {
            return VaultOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
        }
        return vault.store(shop, resolved.value().data(), options, resolved.value().spend().joining(participant));
    }

    /** Stores the card of the shop's credit transaction {@code accessId}, which must have succeeded. */
    public VaultOutcome<StoreResult> storeReferenced(Shop shop, String accessId, StoreOptions options,
            Participant<VaultOutcome<StoreResult>> participant) {
        var found = lookup.find(shop, accessId, null);
        if (found.code() != ResultCode.OK) {
            return VaultOutcome.refused(found.code());
        }
        var order = found.order();
        if (order.held() || !STORABLE.contains(order.status())) {
            return VaultOutcome.refused(ResultCode.REFERENCE_NOT_STORABLE);
        }
        var sealed = cardNumbers.findByShopAndOrder(shop.id(), order.id()).orElse(null);
        var detail = credit.findByShopAndOrder(shop.id(), order.id()).orElse(null);
        if (sealed == null || detail == null) {
            return VaultOutcome.refused(ResultCode.REFERENCE_NOT_STORABLE);
        }
        var pan = keys.openCardNumber(sealed.keyId(), sealed.ciphertext(), CreditCardNumbers.aad(shop.id(), order.id()));
        var card = new CardData(pan, detail.expiryMonth(), detail.expiryYear(), detail.cardholderName());
        return vault.store(shop, card, options, participant);
    }
}
