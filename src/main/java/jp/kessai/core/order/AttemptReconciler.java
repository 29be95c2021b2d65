package jp.kessai.core.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.kessai.core.ResultCode;
import jp.kessai.platform.KessaiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles processor calls whose outcome is unknown by asking the processor (through each method's
 * {@link AttemptSettlement}). A call the processor shows is settled as done at once; one it shows no trace of is
 * settled as failed only after the grace period (longer than the call deadline), because a late request could still
 * arrive. Several nodes share the work through row locks (SKIP LOCKED).
 */
@Component
public class AttemptReconciler {

    private static final Logger log = LoggerFactory.getLogger(AttemptReconciler.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final List<AttemptSettlement> settlements;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    AttemptReconciler(Orders orders, List<AttemptSettlement> settlements, TransactionTemplate tx, Clock clock,
            KessaiProperties properties) {
        this.orders = orders;
        this.settlements = settlements;
        this.tx = tx;
        this.clock = clock;
        Duration minimum = properties.centers().timeout().plusSeconds(30);
        Duration configured = properties.reconciler().pendingGrace();
        this.grace = configured.compareTo(minimum) < 0 ? minimum : configured;
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
        Instant now = clock.instant();
        Integer settled = tx.execute(status -> {
            int count = 0;
            for (var unsettled : orders.lockUnsettled(settlement.method(), now.minus(grace), BATCH)) {
                var attempt = unsettled.attempt();
                boolean done = settlement.tookEffect(attempt);
                if (done) {
                    orders.settle(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name());
                } else if (unsettled.startedAt().isBefore(now.minus(grace))) {
                    orders.settle(attempt, AttemptState.FAILED, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name());
                } else {
                    continue;
                }
                log.info("Reconciled {} {} attempt {} as {}", settlement.method(), attempt.operation(), attempt.id(),
                        done ? "SUCCEEDED" : "FAILED");
                count++;
            }
            return count;
        });
        return settled == null ? 0 : settled;
    }
}
