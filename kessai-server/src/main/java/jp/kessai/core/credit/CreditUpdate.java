package jp.kessai.core.credit;

import java.time.Clock;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
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
    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final Clock clock;

    CreditUpdate(CreditOrderLookup lookup, CreditOrders credit, CardAcquirer acquirer, Clock clock) {
        this.lookup = lookup;
        this.credit = credit;
        this.acquirer = acquirer;
        this.clock = clock;
    }

    public CreditOutcome update(Shop shop, String accessId, long amountYen, boolean capture,
            Participant<CreditOutcome> participant) {
        Operation operation = capture ? Operation.REAUTH_CAPTURE : Operation.REAUTHORIZE;
        var ready = lookup.ready(shop, accessId, operation);
        if (ready.refusal() != null) {
            return ready.refusal();
        }
        return lookup.run(ready.order(), new Reauthorization(ready.order(), operation, amountYen, capture), participant);
    }

    private final class Reauthorization extends CreditStep {

        private final Order order;
        private final Operation operation;
        private final long amountYen;
        private final boolean capture;

        Reauthorization(Order order, Operation operation, long amountYen, boolean capture) {
            super(CreditUpdate.this.credit, lookup.deadline());
            this.order = order;
            this.operation = operation;
            this.amountYen = amountYen;
            this.capture = capture;
        }

        @Override
        public Operation operation() {
            return operation;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, capture ? "CAPTURE" : "AUTH", null, null, null, null,
                    capture ? clock.instant() : null, amountYen);
        }

        @Override
        public CardAnswer call() {
            return acquirer.change(reference, order.processorRef(), amountYen, capture);
        }
    }
}
