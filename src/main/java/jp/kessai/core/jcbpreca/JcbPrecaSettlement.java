package jp.kessai.core.jcbpreca;

import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.jcbpreca.PrecaTransaction;
import org.springframework.stereotype.Component;

/** Asks the JCB Preca center about a debit or cancel by its sales code (伝票番号). */
@Component
class JcbPrecaSettlement implements AttemptSettlement {

    private final PrecaCenter center;

    JcbPrecaSettlement(PrecaCenter center) {
        this.center = center;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.JCB_PRECA;
    }

    @Override
    public boolean tookEffect(Attempt attempt) {
        var atCenter = center.findTransaction(attempt.processorRef());
        return attempt.operation() == Operation.EXEC
                ? atCenter.isPresent()
                : atCenter.map(PrecaTransaction::cancelled).orElse(false);
    }
}
