package jp.kessai.core.credit;

import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.vault.CardSelector;
import jp.kessai.core.vault.Vault;
import org.springframework.stereotype.Service;

/**
 * 随時支払い (/credit/on-file/charge, no 3-D Secure): the member's stored card (by cardId, index or default) charged
 * through the same authorisation step as /credit/charge, on the one pipeline. A cardholderName given with the
 * payment is used for it and, once the payment succeeded, replaces the stored name (in the finish transaction).
 */
@Service
public class CreditOnfileCharge {

    private final CardSources sources;
    private final CreditCharge charge;
    private final Vault vault;

    CreditOnfileCharge(CardSources sources, CreditCharge charge, Vault vault) {
        this.sources = sources;
        this.charge = charge;
        this.vault = vault;
    }

    public CreditOutcome charge(Shop shop, Channel channel, Command command, Participant<CreditOutcome> participant) {
        var source = new CardSource.OnFile(command.memberId(), command.selector(), command.cardholderName());
        var resolved = sources.resolve(shop, source);
        if (!resolved.ok()) {
            return CreditOutcome.of(resolved.code(), null);
        }
        var card = resolved.value();
        var chargeCommand = new CreditCharge.Command(command.orderId(), command.amountYen(), command.clientFields(),
                card.data().pan(), card.data().expiryMonth(), card.data().expiryYear(), null,
                card.data().cardholderName(), command.capture(), command.paymentMethod(), command.installments(),
                command.itemCode(), command.apiVersion(), command.requestDetails(), card.entry());
        // the new holder name replaces the stored one in the finish transaction of a successful charge
        Participant<CreditOutcome> joined = command.cardholderName() == null ? participant
                : participant.mapping(outcome -> {
                    if (outcome.ok()) {
                        vault.updateCardholderName(shop, command.memberId(), card.stored().cardId(),
                                command.cardholderName());
                    }
                    return outcome;
                });
        return charge.charge(shop, channel, chargeCommand, card.origin(), joined);
    }

    /** An on-file payment after the face validated it; no card data (the vault has it). */
    public record Command(String orderId, long amountYen, ClientFields clientFields, String memberId,
            CardSelector selector, String cardholderName, boolean capture, CreditPaymentMethod paymentMethod,
            Integer installments, String itemCode, String apiVersion, String requestDetails) {}
}
