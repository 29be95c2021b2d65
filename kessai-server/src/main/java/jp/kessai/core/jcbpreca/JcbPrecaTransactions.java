package jp.kessai.core.jcbpreca;

import jp.kessai.core.order.Order;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.TransactionDetails;
import org.springframework.stereotype.Component;

/** JCB Preca keeps nothing beyond the order itself. */
@Component
class JcbPrecaTransactions implements TransactionDetails {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.JCB_PRECA;
    }

    @Override
    public Transaction of(Order order) {
        return new Transaction.JcbPreca(order);
    }
}
