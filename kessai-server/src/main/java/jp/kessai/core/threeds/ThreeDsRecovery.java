package jp.kessai.core.threeds;

import java.time.Clock;
import java.time.Duration;
import jp.kessai.core.order.Participant;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.platform.KessaiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles a crash between the ACS's result and the automatic authorisation: a flow that is AUTHENTICATED with
 * autoAuthorization, and has not moved for the grace period, gets its authorisation now (the credit pipeline's
 * claim makes sure it runs once however many nodes try). A flow whose authorisation was claimed before the crash
 * is settled by the AttemptReconciler; this job then does what that authorisation's finish would have (the flow
 * FINISHED, a verified card stored). One the acquirer never saw is settled back to AUTHENTICATED, and authorised here.
 */
@Component
public class ThreeDsRecovery {

    private static final Logger log = LoggerFactory.getLogger(ThreeDsRecovery.class);
    private static final int BATCH = 100;

    private final ThreeDsFlows flows;
    private final Authorisations authorisations;
    private final Clock clock;
    private final Duration grace;

    ThreeDsRecovery(ThreeDsFlows flows, Authorisations authorisations, Clock clock, KessaiProperties properties) {
        this.flows = flows;
        this.authorisations = authorisations;
        this.clock = clock;
        this.grace = properties.tds2().recoveryGrace();
    }

    @Scheduled(fixedDelayString = "${kessai.tds2.sweep-interval:60s}", initialDelayString = "${kessai.tds2.sweep-interval:60s}")
    public void scheduled() {
        try {
            recover();
        } catch (RuntimeException e) {
            log.warn("3DS recovery pass failed; will retry: {}", e.getClass().getName());
        }
    }

    /** One pass; returns how many stalled flows it moved on. */
    public int recover() {
        int moved = 0;
        for (ThreeDsFlow flow : flows.stalled(clock.instant().minus(grace), BATCH)) {
            var outcome = authorisations.authorise(flow, Participant.none());
            if (outcome.transaction() != null && outcome.transaction().order().held()) {
                continue; // claimed before the crash: the reconciler settles it first
            }
            authorisations.finishIfSettled(flow);
            log.info("Recovered the 3DS authorisation of order {}: {}", flow.orderPk(), outcome.code());
            moved++;
        }
        return moved;
    }
}
