package jp.kessai.core.threeds;

import java.time.Clock;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditRecords;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.JournalEntry;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.core.transaction.Transaction;
import org.springframework.stereotype.Service;

/**
 * 3Dセキュア後の支払い / 有効性確認 (/tds2/finalizeCharge, /tds2/finalizeVerification): the merchant's authorisation
 * of a flow that ran with autoAuthorization false, once authentication succeeded. A flow whose authentication
 * failed answers with that failure (no authorisation ever follows N or R); one not finished yet, one of the other
 * kind, one with automatic authorisation, or one already finalised is in the wrong state; an expired one has
 * expired. Another shop's accessId names no transaction.
 */
@Service
public class ThreeDsFinalize {

    private final ThreeDsFlows flows;
    private final OrderLookup lookup;
    private final CreditRecords records;
    private final Authorisations authorisations;
    private final ThreeDsExpiry expiry;
    private final Clock clock;

    ThreeDsFinalize(ThreeDsFlows flows, OrderLookup lookup, CreditRecords records, Authorisations authorisations,
            ThreeDsExpiry expiry, Clock clock) {
        this.flows = flows;
        this.lookup = lookup;
        this.records = records;
        this.authorisations = authorisations;
        this.expiry = expiry;
        this.clock = clock;
    }

    public CreditOutcome finalizeCharge(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        return finalize(shop, accessId, FlowKind.CHARGE, participant);
    }

    public CreditOutcome finalizeVerification(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        return finalize(shop, accessId, FlowKind.VERIFICATION, participant);
    }

    /**
     * /tds2/finalizeVerification: as {@link #finalizeVerification}, with the card stored after the verification
     * succeeded when the /credit/verifyCard request asked for it (what was stored, or why the vault refused).
     */
    public VerificationOutcome finalizeVerificationStoring(Shop shop, String accessId,
            Participant<VerificationOutcome> participant) {
        VerificationOutcome[] authorised = new VerificationOutcome[1];
        CreditOutcome outcome = finalize(shop, accessId, FlowKind.VERIFICATION, flow -> {
            authorised[0] = authorisations.authoriseStoring(flow, participant);
            return authorised[0].credit();
        });
        return authorised[0] != null ? authorised[0] : new VerificationOutcome(outcome, null, null);
    }

    /**
     * /tds2/finalizeCharge retried with its Idempotency-Key after its first request was cut short (the node died, or
     * the database went away, after the authorisation's claim; or the acquirer's answer was lost): the answer the
     * first request would have given, once its authorisation is settled — see {@link #resume}.
     */
    public Optional<CreditOutcome> resumeCharge(Shop shop, String accessId, Participant<CreditOutcome> participant) {
        return resume(shop, accessId, FlowKind.CHARGE, participant.mapping(VerificationOutcome::credit))
                .map(VerificationOutcome::credit);
    }

    /** As {@link #resumeCharge}, for /tds2/finalizeVerification (with the card stored, when it asked for that). */
    public Optional<VerificationOutcome> resumeVerification(Shop shop, String accessId,
            Participant<VerificationOutcome> participant) {
        return resume(shop, accessId, FlowKind.VERIFICATION, participant);
    }

    /**
     * The retry of a finalisation whose first request may have claimed the authorisation: in progress while the
     * order is held (until the reconciler settles the call); once an authorisation of this flow is settled and the
     * order has moved on, that outcome — and the work of the finish that never ran (the flow FINISHED, the card
     * stored), done now, once. Empty when nothing was settled (the order is still AUTHENTICATED: the call never
     * reached the acquirer, or left no trace there) or the accessId is not a finalisation's: the request then runs as
     * a first one would. {@code participant} joins the transaction that completes the finish, with its result.
     */
    private Optional<VerificationOutcome> resume(Shop shop, String accessId, FlowKind kind,
            Participant<VerificationOutcome> participant) {
        Order order = lookup.byAccessId(shop.id(), accessId).filter(o -> o.method() == PaymentMethod.CREDIT)
                .orElse(null);
        ThreeDsFlow flow = order == null ? null : flows.findByShopAndOrder(shop.id(), order.id()).orElse(null);
        if (flow == null || flow.kind() != kind || flow.autoAuthorization()) {
            return Optional.empty();
        }
        if (order.held()) {
            return Optional.of(new VerificationOutcome(refused(ResultCode.OPERATION_IN_PROGRESS, order), null, null));
        }
        JournalEntry last = lookup.lastAttempt(order).orElse(null);
        if (order.status() == OrderStatus.AUTHENTICATED || last == null
                || !Authorisations.AUTHORISATIONS.contains(last.operation())
                || (last.state() != AttemptState.SUCCEEDED && last.state() != AttemptState.FAILED)) {
            return Optional.empty();
        }
        Transaction.Credit transaction = records.load(order);
        boolean approved = last.state() == AttemptState.SUCCEEDED;
        CreditOutcome outcome = approved ? new CreditOutcome(ResultCode.OK, transaction, null)
                : new CreditOutcome(failure(transaction, last), transaction,
                        transaction.detail() == null ? null : transaction.detail().lastErrorCode());
        var completed = authorisations.completeSettled(flow, approved, outcome, participant);
        return Optional.of(completed.orElseGet(() -> new VerificationOutcome(outcome, null, null)));
    }

    private static ResultCode failure(Transaction.Credit transaction, JournalEntry last) {
        if (transaction.detail() != null && transaction.detail().lastErrorResult() != null) {
            return transaction.detail().lastErrorResult();
        }
        return last.resultCode() == null ? ResultCode.PAYMENT_FAILED : ResultCode.valueOf(last.resultCode());
    }

    private CreditOutcome finalize(Shop shop, String accessId, FlowKind kind, Participant<CreditOutcome> participant) {
        return finalize(shop, accessId, kind, flow -> authorisations.authorise(flow, participant));
    }

    private CreditOutcome finalize(Shop shop, String accessId, FlowKind kind,
            java.util.function.Function<ThreeDsFlow, CreditOutcome> authorise) {
        Order order = lookup.byAccessId(shop.id(), accessId).filter(o -> o.method() == PaymentMethod.CREDIT)
                .orElse(null);
        if (order == null) {
            return new CreditOutcome(ResultCode.ORDER_NOT_FOUND, null, null);
        }
        ThreeDsFlow flow = flows.findByShopAndOrder(shop.id(), order.id()).orElse(null);
        if (flow == null || flow.kind() != kind || flow.autoAuthorization()) {
            return refused(ResultCode.INVALID_STATUS, order);
        }
        if (order.held()) {
            return refused(ResultCode.OPERATION_IN_PROGRESS, order);
        }
        return switch (flow.state()) {
            case AUTHENTICATED -> {
                if (!clock.instant().isBefore(flow.expiresAt())) {
                    expiry.expire(flow);
                    yield refused(ResultCode.TDS_EXPIRED, reload(shop, order));
                }
                yield authorise.apply(flow);
            }
            case FAILED -> refused(flow.failure(), order);
            case EXPIRED -> refused(ResultCode.TDS_EXPIRED, order);
            case INITIATING, METHOD, CHALLENGE, FINISHED -> refused(ResultCode.INVALID_STATUS, order);
        };
    }

    private Order reload(Shop shop, Order order) {
        return lookup.byId(shop.id(), order.id()).orElse(order);
    }

    private CreditOutcome refused(ResultCode code, Order order) {
        return new CreditOutcome(code, records.load(order), null);
    }
}
