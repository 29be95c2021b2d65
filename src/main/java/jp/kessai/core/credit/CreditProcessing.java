package jp.kessai.core.credit;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.ProcessorCalls;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardNetworkMaintenanceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every credit operation shares once it has decided: journal the attempt (claiming the order), call the
 * acquirer under the deadline, record the result on the order and its credit details. The operation classes do the
 * validation, loading and deciding.
 */
@Component
class CreditProcessing {

    private final Orders orders;
    private final CreditOrders credit;
    private final KessaiProperties properties;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    CreditProcessing(Orders orders, CreditOrders credit, KessaiProperties properties, TransactionTemplate tx) {
        this.orders = orders;
        this.credit = credit;
        this.properties = properties;
        this.tx = tx;
    }

    /**
     * Runs {@code operation} on {@code order}: {@code call} receives the new operation reference. {@code change} is
     * what success changes besides the state the table names.
     */
    CreditOutcome run(Order order, Operation operation, OrderChange change, Function<String, CardAnswer> call) {
        return run(order, operation, change, () -> { }, call);
    }

    /**
     * As above; {@code withClaim} runs in the same transaction as the claim, so only the request that wins the order
     * writes what it brings (e.g. a charge's card details), and without a commit of its own.
     */
    CreditOutcome run(Order order, Operation operation, OrderChange change, Runnable withClaim,
            Function<String, CardAnswer> call) {
        OrderStatus from = order.status();
        OrderStatus onSuccess = CreditStateTable.TABLE.next(from, operation, SUCCESS).orElseThrow();
        OrderStatus onFailure = CreditStateTable.TABLE.next(from, operation, FAILURE).orElseThrow();
        var success = new OrderChange(onSuccess, change.jobCd(), null, change.cardNoMasked(), null,
                change.clientFields(), change.soldAt(), change.amountYen());
        String reference = newReference();
        var attempt = tx.execute(status -> {
            var claimed = orders.begin(order, from, operation, reference, success);
            claimed.ifPresent(a -> withClaim.run());
            return claimed;
        }).orElse(null);
        if (attempt == null) {
            return CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(order));
        }
        CardAnswer answer;
        try {
            answer = ProcessorCalls.withDeadline(properties.credit().acquirerTimeout(), () -> call.apply(reference));
        } catch (ProcessorOutcomeUnknownException e) {
            tx.executeWithoutResult(status -> {
                orders.finish(attempt, AttemptState.UNKNOWN, ResultCode.PROCESSOR_OUTCOME_UNKNOWN.name(), OrderChange.none());
                credit.recordFailure(order.id(), ResultCode.PROCESSOR_OUTCOME_UNKNOWN, null);
            });
            return CreditOutcome.of(ResultCode.PROCESSOR_OUTCOME_UNKNOWN, credit.load(order));
        } catch (ProcessorUnavailableException e) {
            ResultCode code = e instanceof CardNetworkMaintenanceException
                    ? ResultCode.PROCESSOR_MAINTENANCE : ResultCode.PROCESSOR_UNAVAILABLE;
            tx.executeWithoutResult(status -> {
                orders.finish(attempt, AttemptState.FAILED, code.name(), OrderChange.toStatus(onFailure));
                credit.recordFailure(order.id(), code, null);
            });
            return CreditOutcome.of(code, credit.load(order));
        }
        return switch (answer) {
            case CardAnswer.Approved approved -> {
                tx.executeWithoutResult(status -> { // the order and its card details commit together
                    orders.finish(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name(), success);
                    credit.recordApproval(order.id(), approved, onSuccess == OrderStatus.AUTH);
                });
                yield CreditOutcome.of(ResultCode.OK, credit.load(order));
            }
            case CardAnswer.Declined declined -> {
                ResultCode code = CreditDeclines.of(declined.reason());
                tx.executeWithoutResult(status -> {
                    orders.finish(attempt, AttemptState.FAILED, code.name(), OrderChange.toStatus(onFailure));
                    credit.recordFailure(order.id(), code, declined.code());
                });
                yield new CreditOutcome(code, credit.load(order), declined.code());
            }
        };
    }

    /** An acquirer reference: 32 hex digits, fresh per operation. */
    private String newReference() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
