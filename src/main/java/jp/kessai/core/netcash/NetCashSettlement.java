package jp.kessai.core.netcash;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.KessaiProperties;
import org.springframework.stereotype.Component;

/**
 * Settles a payment request (決済要求) whose answer was lost. Even when the center registered it, the merchant never
 * received the Token, so the customer can never reach the payment page: once past the grace period the request is
 * settled as failed, the order goes back to UNPROCESSED, and the merchant's next ExecTranNetcash reuses the center's
 * registration (it is keyed by the AccessID, so nothing is registered twice and nothing was charged).
 */
@Component
class NetCashSettlement implements AttemptSettlement {

    private final Orders orders;
    private final Duration deadline;

    NetCashSettlement(Orders orders, KessaiProperties properties) {
        this.orders = orders;
        this.deadline = properties.centers().timeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.NET_CASH;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<AttemptState> settle(Attempt attempt, boolean pastGrace) {
        if (!pastGrace) {
            return Optional.empty();
        }
        orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
        return Optional.of(AttemptState.FAILED);
    }
}
