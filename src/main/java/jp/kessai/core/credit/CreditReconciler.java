package jp.kessai.core.credit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles credit calls whose outcome is unknown by asking the acquirer what it did with the operation reference.
 * An operation the acquirer has is settled with its recorded answer at once; one it does not have is settled as
 * failed only after the grace period (longer than the call deadline), because a late request could still arrive.
 * Several nodes share the work through row locks (SKIP LOCKED).
 */
@Component
public class CreditReconciler {

    private static final Logger log = LoggerFactory.getLogger(CreditReconciler.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    CreditReconciler(Orders orders, CreditOrders credit, CardAcquirer acquirer, TransactionTemplate tx, Clock clock,
            KessaiProperties properties) {
        this.orders = orders;
        this.credit = credit;
        this.acquirer = acquirer;
        this.tx = tx;
        this.clock = clock;
        Duration minimum = properties.credit().acquirerTimeout().plusSeconds(30);
        Duration configured = properties.reconciler().pendingGrace();
        this.grace = configured.compareTo(minimum) < 0 ? minimum : configured;
    }

    @Scheduled(fixedDelayString = "${kessai.reconciler.interval:30s}", initialDelayString = "${kessai.reconciler.interval:30s}")
    public void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Credit reconciliation pass failed; will retry: {}", e.toString());
        }
    }

    /** One pass; returns how many attempts were settled. */
    public int reconcile() {
        Instant now = clock.instant();
        Integer settled = tx.execute(status -> {
            int count = 0;
            for (var unsettled : orders.lockUnsettled(PaymentMethod.CREDIT, now.minus(grace), BATCH)) {
                var attempt = unsettled.attempt();
                CardAnswer answer = acquirer.findOperation(attempt.processorRef()).map(CardOperation::answer).orElse(null);
                if (answer instanceof CardAnswer.Approved approved) {
                    orders.settle(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name());
                    boolean authorized = attempt.operation() == Operation.AUTHORIZE
                            || attempt.operation() == Operation.REAUTHORIZE;
                    credit.recordApproval(attempt.orderPk(), approved, authorized);
                } else if (answer instanceof CardAnswer.Declined declined) {
                    ResultCode code = CreditDeclines.of(declined.reason());
                    orders.settle(attempt, AttemptState.FAILED, code.name());
                    credit.recordFailure(attempt.orderPk(), code, declined.code());
                } else if (unsettled.startedAt().isBefore(now.minus(grace))) {
                    orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
                } else {
                    continue;
                }
                log.info("Reconciled credit {} attempt {} as {}", attempt.operation(), attempt.id(),
                        answer instanceof CardAnswer.Approved ? "SUCCEEDED" : "FAILED");
                count++;
            }
            return count;
        });
        return settled == null ? 0 : settled;
    }
}
