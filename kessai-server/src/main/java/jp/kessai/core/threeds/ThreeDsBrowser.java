package jp.kessai.core.threeds;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditRecords;
import jp.kessai.core.credit.CreditStateTable;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.threeds.TdsAuthentication;
import jp.kessai.processor.threeds.ThreeDsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's browser through 3-D Secure, by the flow's token (seed 003, 3Dセキュア認証・自動オーソリあり / なし):
 * the 3DS Method step, 認証依頼, the ACS's challenge when it asks for one, チャレンジ判定依頼, then (autoAuthorization)
 * the authorisation, and back to the merchant's callback URL. Every step is durable and can be repeated: a reload,
 * a second tab or a restart continues from the stored state, and the 3DS server answers again by transaction ID.
 * An attempt (A) is accepted as allowAttempt and the shop's 3DS-mandatory contract say; N, R, U, a refused
 * attempt, a failed, cancelled or timed-out challenge fail the flow and leave the order UNPROCESSED: no
 * authorisation ever follows them.
 */
@Service
public class ThreeDsBrowser {

    private static final Logger log = LoggerFactory.getLogger(ThreeDsBrowser.class);

    private final ThreeDsFlows flows;
    private final ThreeDsServer server;
    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final CreditRecords records;
    private final ShopDirectory shops;
    private final Authorisations authorisations;
    private final ThreeDsExpiry expiry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final KessaiProperties.Tds2 settings;

    ThreeDsBrowser(ThreeDsFlows flows, ThreeDsServer server, OrderLookup lookup, OperationRunner runner,
            CreditRecords records, ShopDirectory shops, Authorisations authorisations, ThreeDsExpiry expiry,
            TransactionTemplate tx, Clock clock, KessaiProperties properties) {
        this.expiry = expiry;
        this.flows = flows;
        this.server = server;
        this.lookup = lookup;
        this.runner = runner;
        this.records = records;
        this.shops = shops;
        this.authorisations = authorisations;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.tds2();
    }

    /** The redirectUrl of the 202 (and any reload of it): where the flow stands, what the browser does next. */
    public BrowserStep open(String token) {
        ThreeDsFlow flow = find(token).orElse(null);
        if (flow == null) {
            return new BrowserStep.Gone(false);
        }
        return switch (flow.state()) {
            case INITIATING -> new BrowserStep.Gone(false);
            case METHOD -> expiredNow(flow) ? new BrowserStep.Gone(true)
                    : new BrowserStep.ShowMethod(flow.token(), flow.methodUrl());
            case CHALLENGE -> challengeReturn(token);
            case AUTHENTICATED -> proceed(flow);
            case FINISHED, FAILED -> callback(flow);
            case EXPIRED -> new BrowserStep.Gone(true);
        };
    }

    /** 認証依頼 after the 3DS Method step ({@code methodCompleted} false when the ACS's page did not load in time). */
    public BrowserStep authenticate(String token, boolean methodCompleted) {
        ThreeDsFlow flow = find(token).orElse(null);
        if (flow == null || flow.state() != ThreeDsFlowState.METHOD) {
            return flow == null ? new BrowserStep.Gone(false) : open(token);
        }
        if (expiredNow(flow)) {
            return new BrowserStep.Gone(true);
        }
        TdsAuthentication answer;
        try {
            answer = server.authenticate(flow.serverTransId(), methodCompleted);
        } catch (ProcessorUnavailableException | ProcessorOutcomeUnknownException e) {
            log.warn("3DS authentication of order {} not answered ({}); the customer may retry", flow.orderPk(),
                    e.getClass().getSimpleName());
            return new BrowserStep.TryAgain(token);
        }
        return conclude(flow, answer);
    }

    /** Where the ACS sends the browser back after a challenge: チャレンジ判定依頼. */
    public BrowserStep challengeReturn(String token) {
        ThreeDsFlow flow = find(token).orElse(null);
        if (flow == null || flow.state() != ThreeDsFlowState.CHALLENGE) {
            return flow == null ? new BrowserStep.Gone(false) : open(token);
        }
        TdsAuthentication answer;
        try {
            answer = server.challengeResult(flow.serverTransId());
        } catch (ProcessorUnavailableException | ProcessorOutcomeUnknownException e) {
            return new BrowserStep.TryAgain(token);
        }
        if (answer.challengeRequired() && expiredNow(flow)) {
            return new BrowserStep.Gone(true);
        }
        return conclude(flow, answer);
    }

    private BrowserStep conclude(ThreeDsFlow flow, TdsAuthentication answer) {
        if (answer.challengeRequired()) {
            if (flow.state() == ThreeDsFlowState.METHOD) {
                tx.executeWithoutResult(status -> flows.challenged(flow.orderPk()));
            }
            return new BrowserStep.GoToAcs(answer.challengeUrl());
        }
        boolean accepted = switch (answer.transStatus()) {
            case "Y" -> true;
            case "A" -> flow.allowAttempt().accepts(
                    shops.findById(flow.shopPk()).map(s -> s.settings().tds2Mandatory()).orElse(false));
            default -> false;
        };
        if (accepted) {
            Instant due = clock.instant().plus(settings.finalizeWindow());
            Optional<ThreeDsFlow> moved = tx.execute(status -> flows.authenticated(flow.orderPk(), flow.state(),
                    answer.transStatus(), answer.eci(), answer.reason(), due));
            return moved == null || moved.isEmpty() ? open(flow.token()) : proceed(moved.get());
        }
        ResultCode failure = answer.cancelled() ? ResultCode.TDS_CANCELLED : ResultCode.TDS_AUTHENTICATION_FAILED;
        fail(flow, failure, answer);
        return open(flow.token());
    }

    /** Authentication failed: the flow FAILED and the order UNPROCESSED with the failure, in one transaction. */
    private void fail(ThreeDsFlow flow, ResultCode failure, TdsAuthentication answer) {
        Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElseThrow();
        tx.executeWithoutResult(status -> runner.apply(order, CreditStateTable.TABLE, Operation.TDS_FAIL, after -> {
            flows.failed(flow.orderPk(), flow.state(), failure, answer.transStatus(), answer.eci(), answer.reason());
            records.recordFailure(flow.orderPk(), failure);
        }));
    }

    /** Authenticated: authorise now (autoAuthorization) or hand back to the merchant for /tds2/finalize*. */
    private BrowserStep proceed(ThreeDsFlow flow) {
        if (flow.autoAuthorization()) {
            var outcome = authorisations.authorise(flow, Participant.none());
            if (Authorisations.unknown(outcome)) {
                // the reconciler settles the authorisation; the merchant reads the outcome with /order/inquiry
                log.warn("3DS authorisation of order {} has an unknown outcome; the reconciler settles it",
                        flow.orderPk());
            }
        }
        return callback(find(flow.token()).orElse(flow));
    }

    private BrowserStep callback(ThreeDsFlow flow) {
        Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElseThrow();
        return new BrowserStep.Callback(flow.callbackUrl(), order.accessId(), flow.callbackReason(), flow.csrfToken());
    }

    /** A flow past its deadline is expired now (the sweep would do the same later). */
    private boolean expiredNow(ThreeDsFlow flow) {
        if (clock.instant().isBefore(flow.expiresAt())) {
            return false;
        }
        expiry.expire(flow);
        return true;
    }

    private Optional<ThreeDsFlow> find(String token) {
        if (token == null || !token.matches(ThreeDsPaths.TOKEN_PATTERN)) {
            return Optional.empty();
        }
        return flows.findByToken(token);
    }
}
