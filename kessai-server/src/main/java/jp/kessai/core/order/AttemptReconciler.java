package jp.kessai.core.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.kessai.core.order.internal.Orders;
import jp.kessai.platform.KessaiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles processor calls whose outcome is unknown, for every payment method (one {@link AttemptSettlement} each).
 * A call the processor shows is settled from its books at once; one it shows no trace of is settled as failed only
 * after the grace period (longer than the call deadline), because a late request could still arrive. Several nodes
 * share the work through row locks (SKIP LOCKED).
 */
@Component
public class AttemptReconciler {

    private static final Logger log = LoggerFactory.getLogger(AttemptReconciler.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final OperationRunner runner;
    private final List<AttemptSettlement> settlements;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration configuredGrace;

    AttemptReconciler(Orders orders, OperationRunner runner, List<AttemptSettlement> settlements, TransactionTemplate tx, Clock clock,
            KessaiProperties properties) {
        this.orders = orders;
        this.runner = runner;
        this.settlements = settlements;
        this.tx = tx;
        this.clock = clock;
        this.configuredGrace = properties.reconciler().pendingGrace();
    }

    @Scheduled(fixedDelayString = "${kessai.reconciler.interval:30s}", initialDelayString = "${kessai.reconciler.interval:30s}")
    public void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Reconciliation pass failed; will retry: {}", e.toString());
        }
    }

    /** One pass over every payment method; returns how many attempts were settled. */
    public int reconcile() {
        int settled = 0;
        for (AttemptSettlement settlement : settlements) {
            settled += reconcile(settlement);
        }
        return settled;
    }

    private int reconcile(AttemptSettlement settlement) {
        Duration minimum = settlement.callDeadline().plusSeconds(30);
        Duration grace = configuredGrace.compareTo(minimum) < 0 ? minimum : configuredGrace;
        Instant now = clock.instant();
        Integer settled = tx.execute(status -> {
            int count = 0;
            for (var unsettled : orders.lockUnsettled(settlement.method(), now.minus(grace), BATCH)) {
                var attempt = unsettled.attempt();
                var decided = settlement.settle(attempt, unsettled.startedAt().isBefore(now.minus(grace)));
                if (decided.isPresent()) {
                    Verdict verdict = decided.get().verdict();
                    runner.settle(attempt, unsettled.orderStatus(), settlement.table(), verdict);
                    decided.get().details().run();
                    log.info("Reconciled {} {} attempt {} as {}", settlement.method(), attempt.operation(), attempt.id(),
                            verdict.attemptState());
                    count++;
                }
            }
            return count;
        });
        return settled == null ? 0 : settled;
    }
}
