package jp.kessai.core.credit;

import jp.kessai.core.transaction.Transaction;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OperationStep;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardNetworkMaintenanceException;

/**
 * What every credit operation shares as a pipeline step: the acquirer's answer classified (approved, or declined
 * with the decline's result code), a network in maintenance told apart from an unreachable one, and the credit
 * details written at finish (the approval, or the last failure as /order/inquiry shows it). A subclass says which
 * acquirer call to make and what success changes on the order.
 */
abstract class CreditStep implements OperationStep<CardAnswer, CreditDetail> {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected final CreditOrders credit;
    private final Duration deadline;
    /** An acquirer reference: 32 hex digits, fresh per operation. */
    protected final String reference = newReference();

    CreditStep(CreditOrders credit, Duration deadline) {
        this.credit = credit;
        this.deadline = deadline;
    }

    @Override
    public StateTable<OrderStatus> table() {
        return CreditStateTable.TABLE;
    }

    @Override
    public String processorRef() {
        return reference;
    }

    @Override
    public Duration deadline() {
        return deadline;
    }

    @Override
    public abstract OrderChange onSuccess();

    @Override
    public Verdict classify(CardAnswer answer) {
        return switch (answer) {
            case CardAnswer.Approved approved -> Verdict.success();
            case CardAnswer.Declined declined -> Verdict.failure(CreditDeclines.of(declined.reason()));
        };
    }

    @Override
    public ResultCode unavailable(ProcessorUnavailableException e) {
        return e instanceof CardNetworkMaintenanceException ? ResultCode.PROCESSOR_MAINTENANCE
                : ResultCode.PROCESSOR_UNAVAILABLE;
    }

    @Override
    public CreditDetail atFinish(Order order, Verdict verdict, CardAnswer answer) {
        if (answer instanceof CardAnswer.Approved approved) {
            return credit.recordApproval(order.id(), approved, order.status() == OrderStatus.AUTH);
        }
        String declineCode = answer instanceof CardAnswer.Declined declined ? declined.code() : null;
        return credit.recordFailure(order.id(), verdict.code(), declineCode);
    }

    /** The run as the faces see it: the transaction after the operation and a refusal's card-company code. */
    static CreditOutcome outcome(OperationRunner.Run<CardAnswer, CreditDetail> run, CreditOrders credit) {
        if (run.order() == null) {
            return CreditOutcome.of(run.code(), null);
        }
        Transaction.Credit transaction = run.claimed() ? new Transaction.Credit(run.order(), run.detail())
                : credit.load(run.order());
        String declineCode = run.answer() instanceof CardAnswer.Declined declined ? declined.code() : null;
        return new CreditOutcome(run.code(), transaction, declineCode);
    }

    /** A face's participant (e.g. its idempotency record) fed with the credit outcome at finish. */
    static Participant<OperationRunner.Run<CardAnswer, CreditDetail>> participant(Participant<CreditOutcome> face,
            CreditOrders credit) {
        return face.mapping(run -> outcome(run, credit));
    }

    private static String newReference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
