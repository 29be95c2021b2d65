package jp.kessai.core.credit;

import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import org.springframework.stereotype.Service;

/** 取消 (/order/cancel): AUTH, SALES or CAPTURE → CANCEL (full cancel; the acquirer voids the authorisation). */
@Service
public class CreditCancel {

    private final CreditOrderLookup lookup;
    private final CreditProcessing processing;
    private final CardAcquirer acquirer;

    CreditCancel(CreditOrderLookup lookup, CreditProcessing processing, CardAcquirer acquirer) {
        this.lookup = lookup;
        this.processing = processing;
        this.acquirer = acquirer;
    }

    public CreditOutcome cancel(Shop shop, String accessId) {
        var ready = lookup.ready(shop, accessId, Operation.CANCEL);
        if (ready.refusal() != null) {
            return ready.refusal();
        }
        Order order = ready.order();
        var change = new OrderChange(null, "CANCEL", null, null, null, null, null, null);
        return processing.run(order, Operation.CANCEL, change,
                reference -> acquirer.voidAuthorization(reference, order.processorRef()));
    }
}
