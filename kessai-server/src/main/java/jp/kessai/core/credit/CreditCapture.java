package jp.kessai.core.credit;

import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import org.springframework.stereotype.Service;

/** 確定 (/order/capture): AUTH → SALES, until the capture deadline (60 days, 23:59:59 JST). */
@Service
public class CreditCapture {

    private final CreditOrderLookup lookup;
    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final Clock clock;

    CreditCapture(CreditOrderLookup lookup, CreditOrders credit, CardAcquirer acquirer, Clock clock) {
        this.lookup = lookup;
        this.credit = credit;
        this.acquirer = acquirer;
        this.clock = clock;
    }

    public CreditOutcome capture(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        var ready = lookup.ready(shop, accessId, Operation.CAPTURE);
        if (ready.refusal() != null) {
            return ready.refusal();
        }
        Order order = ready.order();
        var transaction = credit.load(order);
        var deadline = transaction.detail() == null ? null : transaction.detail().captureExpiresAt();
        if (deadline != null && clock.instant().isAfter(deadline)) {
            credit.recordFailure(order.id(), ResultCode.AUTHORIZATION_EXPIRED, null);
            return CreditOutcome.of(ResultCode.AUTHORIZATION_EXPIRED, credit.load(order));
        }
        return lookup.run(order, new Capture(order), participant);
    }

    private final class Capture extends CreditStep {

        private final Order order;

        Capture(Order order) {
            super(CreditCapture.this.credit, lookup.deadline());
            this.order = order;
        }

        @Override
        public Operation operation() {
            return Operation.CAPTURE;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, "SALES", null, null, null, null, clock.instant(), null);
        }

        @Override
        public CardAnswer call() {
            return acquirer.capture(reference, order.processorRef(), order.amountYen());
        }
    }
}
