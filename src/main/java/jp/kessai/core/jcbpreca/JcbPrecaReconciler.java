package jp.kessai.core.jcbpreca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.jcbpreca.PrecaTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles JCB Preca calls whose outcome is unknown by asking the center what it did with the sales code. A debit
 * the center has is settled as done at once; one it does not have is settled as failed only after the grace period
 * (longer than the call deadline), because a late request could still arrive there. Several nodes share the work
 * through row locks (SKIP LOCKED).
 */
@Component
public class JcbPrecaReconciler {

    private static final Logger log = LoggerFactory.getLogger(JcbPrecaReconciler.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final PrecaCenter center;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    JcbPrecaReconciler(Orders orders, PrecaCenter center, TransactionTemplate tx, Clock clock, KessaiProperties properties) {
        this.orders = orders;
        this.center = center;
        this.tx = tx;
        this.clock = clock;
        Duration minimum = properties.jcbPreca().centerTimeout().plusSeconds(30);
        Duration configured = properties.reconciler().pendingGrace();
        this.grace = configured.compareTo(minimum) < 0 ? minimum : configured;
    }

    @Scheduled(fixedDelayString = "${kessai.reconciler.interval:30s}", initialDelayString = "${kessai.reconciler.interval:30s}")
    public void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("JCB Preca reconciliation pass failed; will retry: {}", e.toString());
        }
    }

    /** One pass; returns how many attempts were settled. */
    public int reconcile() {
        Instant now = clock.instant();
        Integer settled = tx.execute(status -> {
            int count = 0;
            for (var unsettled : orders.lockUnsettled(PaymentMethod.JCB_PRECA, now.minus(grace), BATCH)) {
                var attempt = unsettled.attempt();
                Optional<PrecaTransaction> atCenter = center.findTransaction(attempt.processorRef());
                boolean done = attempt.operation() == Operation.EXEC
                        ? atCenter.isPresent()
                        : atCenter.map(PrecaTransaction::cancelled).orElse(false);
                boolean pastGrace = unsettled.startedAt().isBefore(now.minus(grace));
                if (done) {
                    orders.settle(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name());
                } else if (pastGrace) {
                    orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
                } else {
                    continue;
                }
                log.info("Reconciled JCB Preca {} attempt {} as {}", attempt.operation(), attempt.id(),
                        done ? "SUCCEEDED" : "FAILED");
                count++;
            }
            return count;
        });
        return settled == null ? 0 : settled;
    }
}
