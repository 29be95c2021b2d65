package jp.kessai.core.credit;

import java.time.Clock;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import org.springframework.stereotype.Service;

/**
 * 金額変更 (/order/update): the acquirer re-authorises the card for the new amount and voids the old authorisation
 * in one step; the order keeps its state and amount when the re-authorisation fails. Credit cards allow decreases
 * and increases from AUTH, SALES and CAPTURE (reference §2A permission matrix); the same amount on an AUTH renews
 * the authorisation and its capture deadline.
 */
@Service
public class CreditUpdate {

    private final CreditOrderLookup lookup;
    private final CreditProcessing processing;
    private final CardAcquirer acquirer;
    private final Clock clock;

    CreditUpdate(CreditOrderLookup lookup, CreditProcessing processing, CardAcquirer acquirer,
            Clock clock) {
        this.lookup = lookup;
        this.processing = processing;
        this.acquirer = acquirer;
        this.clock = clock;
    }

    public CreditOutcome update(Shop shop, String accessId, long amountYen, boolean capture) {
        Operation operation = capture ? Operation.REAUTH_CAPTURE : Operation.REAUTHORIZE;
        var ready = lookup.ready(shop, accessId, operation);
        if (ready.refusal() != null) {
            return ready.refusal();
        }
        Order order = ready.order();
        var change = new OrderChange(null, capture ? "CAPTURE" : "AUTH", null, null, null, null,
                capture ? clock.instant() : null, amountYen);
        return processing.run(order, operation, change,
                reference -> acquirer.change(reference, order.processorRef(), amountYen, capture));
    }
}
