package jp.kessai.core.order;

import java.util.Locale;
import java.util.Set;
import jp.kessai.core.ResultCode;
import jp.kessai.platform.metrics.Counters;
import jp.kessai.platform.metrics.KessaiMetrics;
import org.springframework.stereotype.Component;

/**
 * {@code kessai_payment_amount_yen_total{face,method,result}}: the yen (amount plus tax) of every payment, counted
 * where every payment ends — the runner's finish, the reconciler's settlement, NET CASH's payment notice. A payment is
 * the operation that takes the customer's money: a JCB Preca debit, a credit authorisation (with or without capture),
 * a NET CASH payment on the center's page; captures, amount changes and cancels are not payments. {@code face} is the
 * face that created the order, {@code result} {@code OK} or the core result code. An outcome that was unknown counts
 * under {@code PROCESSOR_OUTCOME_UNKNOWN}, and again under its settled result once the reconciler settles it.
 */
@Component
class PaymentAmounts {

    private static final Set<Operation> PAYMENTS = Set.of(Operation.EXEC, Operation.AUTHORIZE, Operation.AUTH_AND_CAPTURE,
            Operation.PAYMENT_NOTICE, Operation.CANCEL_NOTICE);

    private final Counters counters;

    PaymentAmounts(Counters counters) {
        this.counters = counters;
    }

    void record(Order order, Operation operation, ResultCode result) {
        if (order == null || !PAYMENTS.contains(operation)
                || (order.method() == PaymentMethod.NET_CASH && operation == Operation.EXEC)) {
            return; // NET CASH's EXEC only asks the center for a payment page; the customer pays there
        }
        counters.add(KessaiMetrics.PAYMENT_AMOUNT_YEN, order.totalYen(),
                "face", order.channel().name().toLowerCase(Locale.ROOT),
                "method", order.method().name().toLowerCase(Locale.ROOT),
                "result", result.name());
    }
}
