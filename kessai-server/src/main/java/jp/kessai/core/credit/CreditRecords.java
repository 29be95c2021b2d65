package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Order;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.processor.card.CardBrand;
import org.springframework.stereotype.Service;

/**
 * The credit details other capabilities write with their own pipeline steps (3-D Secure writes the card of a charge
 * at its claim, and the failure of an authentication at its finish), so that /order/inquiry shows a credit order
 * the same way whoever moved it. The statements join the caller's transaction.
 */
@Service
public class CreditRecords {

    private final CreditOrders credit;

    CreditRecords(CreditOrders credit) {
        this.credit = credit;
    }

    /** The card and options of a charge (no card number, no security code). */
    public void saveCharge(long orderPk, CreditCharge.Command command) {
        credit.saveCharge(orderPk, CardBrand.of(command.pan()).name(), command.expiryMonth(), command.expiryYear(),
                command.cardholderName(), command.paymentMethod(), command.installments(), command.itemCode(),
                command.apiVersion(), command.requestDetails(), command.entry());
    }

    /** The outcome of a failed operation, as /order/inquiry shows it. */
    public CreditDetail recordFailure(long orderPk, ResultCode code) {
        return credit.recordFailure(orderPk, code, null);
    }

    /** The order with its credit details. */
    public Transaction.Credit load(Order order) {
        return credit.load(order);
    }
}
