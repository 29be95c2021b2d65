package jp.kessai.core.netcash;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.platform.KessaiProperties;
import org.springframework.stereotype.Component;

/**
 * Settles a payment request (決済要求) whose answer was lost. Even when the center registered it, the merchant never
 * received the Token, so the customer can never reach the payment page: once past the grace period the request is
 * settled as failed, the order goes back to UNPROCESSED (the table's failure row), and the merchant's next
 * ExecTranNetcash reuses the center's registration (it is keyed by the AccessID, so nothing is registered twice and
 * nothing was charged).
 */
@Component
class NetCashSettlement implements AttemptSettlement {

    private final Duration deadline;

    NetCashSettlement(KessaiProperties properties) {
        this.deadline = properties.centers().timeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.NET_CASH;
    }

    @Override
    public StateTable<OrderStatus> table() {
        return NetCashStateTable.TABLE;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<Settled> settle(Attempt attempt, boolean pastGrace) {
        if (!pastGrace) {
            return Optional.empty();
        }
        return Optional.of(Settled.of(Verdict.failure(ResultCode.PROCESSOR_OUTCOME_UNKNOWN)));
    }
}
