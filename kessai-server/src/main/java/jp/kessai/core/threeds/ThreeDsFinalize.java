package jp.kessai.core.threeds;

import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditRecords;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
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
