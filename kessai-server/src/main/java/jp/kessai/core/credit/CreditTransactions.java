package jp.kessai.core.credit;

import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.TransactionDetails;
import org.springframework.stereotype.Component;

/** A credit order with its card and acquirer details. */
@Component
class CreditTransactions implements TransactionDetails {

    private final CreditOrders credit;

    CreditTransactions(CreditOrders credit) {
        this.credit = credit;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CREDIT;
    }

    @Override
    public Transaction of(Order order) {
        return new Transaction.Credit(order, credit.findByShopAndOrder(order.shopPk(), order.id()).orElse(null));
    }
}
