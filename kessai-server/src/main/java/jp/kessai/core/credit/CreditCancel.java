package jp.kessai.core.credit;

import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import org.springframework.stereotype.Service;

/** 取消 (/order/cancel): AUTH, SALES or CAPTURE → CANCEL (full cancel; the acquirer voids the authorisation). */
@Service
public class CreditCancel {

    private final CreditOrderLookup lookup;
    private final CreditOrders credit;
    private final CardAcquirer acquirer;

    CreditCancel(CreditOrderLookup lookup, CreditOrders credit, CardAcquirer acquirer) {
        this.lookup = lookup;
        this.credit = credit;
        this.acquirer = acquirer;
    }

    public CreditOutcome cancel(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        var ready = lookup.ready(shop, accessId, Operation.CANCEL);
        if (ready.refusal() != null) {
            return ready.refusal();
        }
        return lookup.run(ready.order(), new Reversal(ready.order()), participant);
    }

    private final class Reversal extends CreditStep {

        private final Order order;

        Reversal(Order order) {
            super(CreditCancel.this.credit, lookup.deadline());
            this.order = order;
        }

        @Override
        public Operation operation() {
            return Operation.CANCEL;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, "CANCEL", null, null, null, null, null, null);
        }

        @Override
        public CardAnswer call() {
            return acquirer.voidAuthorization(reference, order.processorRef());
        }
    }
}
