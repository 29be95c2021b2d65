package jp.kessai.core.jcbpreca;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.jcbpreca.PrecaTransaction;
import org.springframework.stereotype.Component;

/** Asks the JCB Preca center about a debit or cancel by its sales code (伝票番号). */
@Component
class JcbPrecaSettlement implements AttemptSettlement {

    private final PrecaCenter center;
    private final Duration deadline;

    JcbPrecaSettlement(PrecaCenter center, KessaiProperties properties) {
        this.center = center;
        this.deadline = properties.centers().timeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.JCB_PRECA;
    }

    @Override
    public StateTable<OrderStatus> table() {
        return JcbPrecaStateTable.TABLE;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<Settled> settle(Attempt attempt, boolean pastGrace) {
        var atCenter = center.findTransaction(attempt.processorRef());
        boolean tookEffect = attempt.operation() == Operation.EXEC
                ? atCenter.isPresent()
                : atCenter.map(PrecaTransaction::cancelled).orElse(false);
        if (tookEffect) {
            return Optional.of(Settled.of(Verdict.success()));
        }
        if (pastGrace) {
            return Optional.of(Settled.of(Verdict.failure(ResultCode.PROCESSOR_OUTCOME_UNKNOWN)));
        }
        return Optional.empty();
    }
}
