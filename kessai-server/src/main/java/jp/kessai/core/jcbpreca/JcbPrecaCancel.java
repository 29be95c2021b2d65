package jp.kessai.core.jcbpreca;

import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OperationStep;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
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
    private final OperationRunner runner;
    private final PrecaCenter center;
    private final Duration deadline;

    JcbPrecaCancel(OrderLookup lookup, OperationRunner runner, PrecaCenter center, KessaiProperties properties) {
        this.lookup = lookup;
        this.runner = runner;
        this.center = center;
        this.deadline = properties.centers().timeout();
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
        var run = runner.run(new OperationRunner.Existing(order), new Reversal(order));
        return new Result(run.code(), run.order());
    }

    /** The cancel at the center, by the debit's sales code. */
    private final class Reversal implements OperationStep<PrecaAnswer, Void> {

        private final Order order;

        Reversal(Order order) {
            this.order = order;
        }

        @Override
        public Operation operation() {
            return Operation.CANCEL;
        }

        @Override
        public StateTable<OrderStatus> table() {
            return JcbPrecaStateTable.TABLE;
        }

        @Override
        public String processorRef() {
            return order.processorRef();
        }

        @Override
        public Duration deadline() {
            return deadline;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, "CANCEL", null, null, null, null, null);
        }

        @Override
        public PrecaAnswer call() {
            return center.cancel(order.processorRef());
        }

        @Override
        public Verdict classify(PrecaAnswer answer) {
            return PrecaReport.verdict(answer);
        }
    }

    public record Result(ResultCode code, Order order) {}
}
