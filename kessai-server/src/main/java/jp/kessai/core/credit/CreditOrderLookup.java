package jp.kessai.core.credit;

import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import org.springframework.stereotype.Component;

/**
 * The "load" step of the order operations: the shop's credit order by AccessID and/or OrderID. The OpenAPI type
 * names a transaction by its AccessID alone (no AccessPass). Orders of other payment methods are not found here.
 */
@Component
class CreditOrderLookup {

    private final OrderLookup orders;
    private final OperationRunner runner;
    private final CreditOrders credit;
    private final Duration deadline;

    CreditOrderLookup(OrderLookup orders, OperationRunner runner, CreditOrders credit, KessaiProperties properties) {
        this.orders = orders;
        this.runner = runner;
        this.credit = credit;
        this.deadline = properties.credit().acquirerTimeout();
    }

    /** The acquirer call deadline. */
    Duration deadline() {
        return deadline;
    }

    /**
     * The load-and-decide steps shared by capture, update and cancel: the order named by AccessID, free of other
     * calls, in a state from which {@code operation} may start. {@code refusal} is set when it is not.
     */
    Ready ready(Shop shop, String accessId, Operation operation) {
        var found = find(shop, accessId, null);
        if (found.code() != ResultCode.OK) {
            return new Ready(null, CreditOutcome.of(found.code(), null));
        }
        Order order = found.order();
        if (order.held()) {
            return new Ready(order, CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(order)));
        }
        if (!CreditStateTable.TABLE.allows(order.status(), operation)) {
            return new Ready(order, CreditOutcome.of(ResultCode.INVALID_STATUS, credit.load(order)));
        }
        return new Ready(order, null);
    }

    record Ready(Order order, CreditOutcome refusal) {}

    /** Runs a credit step on a loaded order. */
    CreditOutcome run(Order order, CreditStep step, Participant<CreditOutcome> participant) {
        var run = runner.run(new OperationRunner.Existing(order), step, CreditStep.participant(participant, credit));
        return CreditStep.outcome(run, credit);
    }

    /** Either identifier may be null (not both); when both are given they must name the same order. */
    Found find(Shop shop, String accessId, String orderId) {
        Order order;
        if (accessId != null) {
            order = orders.byAccessId(shop.id(), accessId).filter(o -> o.method() == PaymentMethod.CREDIT)
                    .orElse(null);
            if (order == null) {
                return new Found(null, ResultCode.ORDER_NOT_FOUND);
            }
            if (orderId != null && !order.orderId().equals(orderId)) {
                return new Found(null, ResultCode.ORDER_ID_MISMATCH);
            }
        } else {
            order = orders.byOrderId(shop.id(), orderId, PaymentMethod.CREDIT).orElse(null);
            if (order == null) {
                return new Found(null, ResultCode.ORDER_NOT_FOUND);
            }
        }
        return new Found(order, ResultCode.OK);
    }

    record Found(Order order, ResultCode code) {}
}
