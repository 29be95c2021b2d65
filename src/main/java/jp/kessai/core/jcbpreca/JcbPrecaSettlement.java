package jp.kessai.core.jcbpreca;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.jcbpreca.PrecaTransaction;
import org.springframework.stereotype.Component;

/** Asks the JCB Preca center about a debit or cancel by its sales code (伝票番号). */
@Component
class JcbPrecaSettlement implements AttemptSettlement {

    private final PrecaCenter center;
    private final Orders orders;
    private final Duration deadline;

    JcbPrecaSettlement(PrecaCenter center, Orders orders, KessaiProperties properties) {
        this.center = center;
        this.orders = orders;
        this.deadline = properties.centers().timeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.JCB_PRECA;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<AttemptState> settle(Attempt attempt, boolean pastGrace) {
        var atCenter = center.findTransaction(attempt.processorRef());
        boolean tookEffect = attempt.operation() == Operation.EXEC
                ? atCenter.isPresent()
                : atCenter.map(PrecaTransaction::cancelled).orElse(false);
        if (tookEffect) {
            orders.settle(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name());
            return Optional.of(AttemptState.SUCCEEDED);
        }
        if (pastGrace) {
            orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
            return Optional.of(AttemptState.FAILED);
        }
        return Optional.empty();
    }
}
