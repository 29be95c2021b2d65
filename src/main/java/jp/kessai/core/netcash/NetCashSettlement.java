package jp.kessai.core.netcash;

import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.PaymentMethod;
import org.springframework.stereotype.Component;

/**
 * Settles a payment request (決済要求) whose answer was lost. Even when the center registered it, the merchant never
 * received the Token, so the customer can never reach the payment page: the request is settled as failed, the order
 * goes back to UNPROCESSED, and the merchant's next ExecTranNetcash reuses the center's registration (it is keyed by
 * the AccessID, so nothing is registered twice and nothing was charged).
 */
@Component
class NetCashSettlement implements AttemptSettlement {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.NET_CASH;
    }

    @Override
    public boolean tookEffect(Attempt attempt) {
        return false;
    }
}
