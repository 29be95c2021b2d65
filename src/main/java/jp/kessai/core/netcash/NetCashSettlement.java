package jp.kessai.core.netcash;

import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.processor.netcash.NetCashCenter;
import org.springframework.stereotype.Component;

/** Asks the NET CASH center whether a payment request (決済要求) was registered. */
@Component
class NetCashSettlement implements AttemptSettlement {

    private final NetCashCenter center;

    NetCashSettlement(NetCashCenter center) {
        this.center = center;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.NET_CASH;
    }

    @Override
    public boolean tookEffect(Attempt attempt) {
        return center.findPayment(attempt.processorRef()).isPresent();
    }
}
