package jp.kessai.core.jcbpreca;

import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.PaymentMethod;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.JournaledCall;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import org.springframework.stereotype.Service;

/**
 * 決済キャンセル (JcbPrecaCancel): once per OrderID, within 720 hours of the sale (the center enforces the window).
 */
@Service
public class JcbPrecaCancel {

    private final OrderLookup lookup;
    private final Orders orders;
    private final JournaledCall journaledCall;
    private final PrecaCenter center;
    private final KessaiProperties properties;

    JcbPrecaCancel(OrderLookup lookup, Orders orders, JournaledCall journaledCall, PrecaCenter center, KessaiProperties properties) {
        this.lookup = lookup;
        this.orders = orders;
        this.journaledCall = journaledCall;
        this.center = center;
        this.properties = properties;
    }

    public Result cancel(Shop shop, OrderRef ref) {
        OrderLookup.Found found = lookup.find(shop, ref, PaymentMethod.JCB_PRECA);
        if (found.code() != ResultCode.OK) {
            return new Result(found.code(), found.order());
        }
        Order order = found.order();
        if (!JcbPrecaStateTable.TABLE.allows(order.status(), Operation.CANCEL)) {
            return new Result(order.status() == OrderStatus.CANCEL ? ResultCode.ALREADY_CANCELLED : ResultCode.NOT_PAID, order);
        }
        var onSuccess = new OrderChange(JcbPrecaStateTable.TABLE.next(order.status(), Operation.CANCEL, SUCCESS).orElseThrow(),
                "CANCEL", null, null, null, null, null);
        var attempt = orders.begin(order, order.status(), Operation.CANCEL, order.processorRef(), onSuccess).orElse(null);
        if (attempt == null) {
            return new Result(ResultCode.OPERATION_IN_PROGRESS, order);
        }
        var stays = JcbPrecaStateTable.TABLE.next(order.status(), Operation.CANCEL, FAILURE).orElseThrow();
        var outcome = journaledCall.call(attempt, properties.centers().timeout(), stays,
                () -> center.cancel(order.processorRef()));
        if (!outcome.answered()) {
            return new Result(outcome.failure(), order);
        }
        if (outcome.answer() instanceof PrecaAnswer.Declined declined) {
            ResultCode code = PrecaOutcomes.of(declined.reason());
            return new Result(code, orders.finish(attempt, AttemptState.FAILED, code.name(), OrderChange.toStatus(stays)));
        }
        return new Result(ResultCode.OK, orders.finish(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name(), onSuccess));
    }

    public record Result(ResultCode code, Order order) {}
}
