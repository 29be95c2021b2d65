package jp.kessai.core.credit;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardOperation;
import org.springframework.stereotype.Component;

/**
 * Settles a credit call whose outcome is unknown from the acquirer's record of the operation reference: its recorded
 * answer (approved or declined) is applied as if it had arrived; no record past the grace period is a failure.
 */
@Component
class CreditSettlement implements AttemptSettlement {

    private final Orders orders;
    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final Duration deadline;

    CreditSettlement(Orders orders, CreditOrders credit, CardAcquirer acquirer, KessaiProperties properties) {
        this.orders = orders;
        this.credit = credit;
        this.acquirer = acquirer;
        this.deadline = properties.credit().acquirerTimeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CREDIT;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<AttemptState> settle(Attempt attempt, boolean pastGrace) {
        CardAnswer answer = acquirer.findOperation(attempt.processorRef()).map(CardOperation::answer).orElse(null);
        if (answer instanceof CardAnswer.Approved approved) {
            orders.settle(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name());
            boolean authorized = attempt.operation() == Operation.AUTHORIZE || attempt.operation() == Operation.REAUTHORIZE;
            credit.recordApproval(attempt.orderPk(), approved, authorized);
            return Optional.of(AttemptState.SUCCEEDED);
        }
        if (answer instanceof CardAnswer.Declined declined) {
            ResultCode code = CreditDeclines.of(declined.reason());
            orders.settle(attempt, AttemptState.FAILED, code.name());
            credit.recordFailure(attempt.orderPk(), code, declined.code());
            return Optional.of(AttemptState.FAILED);
        }
        if (pastGrace) {
            orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
            return Optional.of(AttemptState.FAILED);
        }
        return Optional.empty();
    }
}
