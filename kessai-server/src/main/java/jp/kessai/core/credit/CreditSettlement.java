package jp.kessai.core.credit;

import java.time.Duration;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Attempt;
import jp.kessai.core.order.AttemptSettlement;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardOperation;
import org.springframework.stereotype.Component;

/**
 * Settles a credit call whose outcome is unknown from the acquirer's record of the operation reference: its recorded
 * answer (approved or declined) is applied as if it had arrived; no record past the grace period is a failure that
 * left the order where it was (an authorisation after 3-D Secure goes back to AUTHENTICATED, so that the merchant's
 * retry of /tds2/finalize* — or the recovery of an automatic authorisation — makes it again).
 */
@Component
class CreditSettlement implements AttemptSettlement {

    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final Duration deadline;

    CreditSettlement(CreditOrders credit, CardAcquirer acquirer, KessaiProperties properties) {
        this.credit = credit;
        this.acquirer = acquirer;
        this.deadline = properties.credit().acquirerTimeout();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CREDIT;
    }

    @Override
    public StateTable<OrderStatus> table() {
        return CreditStateTable.TABLE;
    }

    @Override
    public Duration callDeadline() {
        return deadline;
    }

    @Override
    public Optional<Settled> settle(Attempt attempt, boolean pastGrace) {
        CardAnswer answer = acquirer.findOperation(attempt.processorRef()).map(CardOperation::answer).orElse(null);
        if (answer instanceof CardAnswer.Approved approved) {
            boolean authorized = attempt.operation() == Operation.AUTHORIZE || attempt.operation() == Operation.REAUTHORIZE;
            return Optional.of(new Settled(Verdict.success(),
                    () -> credit.recordApproval(attempt.orderPk(), approved, authorized)));
        }
        if (answer instanceof CardAnswer.Declined declined) {
            ResultCode code = CreditDeclines.of(declined.reason());
            return Optional.of(new Settled(Verdict.failure(code),
                    () -> credit.recordFailure(attempt.orderPk(), code, declined.code())));
        }
        if (pastGrace) {
            // no trace past the grace period: nothing happened, and nothing can happen any more
            return Optional.of(Settled.of(Verdict.untouched(ResultCode.PROCESSOR_OUTCOME_UNKNOWN)));
        }
        return Optional.empty();
    }
}
