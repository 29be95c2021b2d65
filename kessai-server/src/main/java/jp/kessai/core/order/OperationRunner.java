package jp.kessai.core.order;

import java.util.Optional;
import java.util.function.Consumer;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.internal.Orders;
import jp.kessai.processor.ProcessorCalls;
import jp.kessai.processor.ProcessorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one pipeline every state-changing operation of every payment method runs on:
 * <ol>
 * <li>state table check;</li>
 * <li><b>claim</b>, one transaction: the order (new, or its claim), the PENDING journal entry, the step's detail
 * rows and the participant's record (e.g. the face's idempotency key);</li>
 * <li>the processor call under the step's deadline;</li>
 * <li><b>finish</b>, one transaction: the journal's result, the order's next state by the table, the step's detail
 * rows and the participant's record of the result.</li>
 * </ol>
 * Two commits per operation. An explicit answer is SUCCESS or FAILURE as the step classifies it; a refused connection
 * is FAILURE (nothing happened); a timeout, a lost answer or any exception is UNKNOWN: the order stays held until the
 * {@link AttemptReconciler} settles it from the processor's books. Nothing is guessed.
 */
@Service
public class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final Orders orders;
    private final TransactionTemplate tx;
    private final PaymentAmounts amounts;

    OperationRunner(Orders orders, TransactionTemplate tx, PaymentAmounts amounts) {
        this.orders = orders;
        this.tx = tx;
        this.amounts = amounts;
    }

    /** What an operation runs on: a new order it creates, or an existing one in the state the step starts from. */
    public sealed interface Target {}

    /** A new order, created by the claim (the table's ENTRY row gives its first state). */
    public record NewOrder(long shopPk, String orderId, PaymentMethod method, Channel channel, long amountYen,
            long taxYen) implements Target {}

    /** An order that exists, as it was loaded. */
    public record Existing(Order order) implements Target {}

    /**
     * The result of a run. {@code claimed} is false when the operation never reached the processor (the order is
     * held, has moved, the OrderID is taken, or the participant refused); {@code order} is then the order as found.
     * {@code answer} is the processor's answer when it gave one; {@code detail} is what the step's finish returned.
     */
    public record Run<A, D>(ResultCode code, AttemptState state, Order order, A answer, D detail, boolean claimed) {

        public boolean ok() {
            return code == ResultCode.OK;
        }

        static <A, D> Run<A, D> refused(ResultCode code, Order order) {
            return new Run<>(code, null, order, null, null, false);
        }
    }

    public <A, D> Run<A, D> run(Target target, OperationStep<A, D> step) {
        return run(target, step, Participant.none());
    }

    public <A, D> Run<A, D> run(Target target, OperationStep<A, D> step, Participant<? super Run<A, D>> participant) {
        Claim claim = tx.execute(status -> {
            Claim c = claim(target, step);
            if (c.refusal() != null) {
                return c;
            }
            step.atClaim(c.order().id());
            if (!participant.atClaim()) {
                status.setRollbackOnly();
                // a new order's row is rolled back with the claim: there is no order to show
                return Claim.refused(participant.refusal(),
                        target instanceof Existing existing ? existing.order() : null);
            }
            return c;
        });
        if (claim.refusal() != null) {
            return Run.refused(claim.refusal(), claim.order());
        }
        Verdict verdict;
        A answer = null;
        try {
            answer = ProcessorCalls.withDeadline(step.deadline(), step::call);
            verdict = step.classify(answer);
        } catch (ProcessorUnavailableException e) {
            verdict = Verdict.untouched(step.unavailable(e)); // refused: the processor did nothing
        } catch (RuntimeException e) {
            // class name only: an exception's message may carry request values
            log.warn("{} {} attempt {}: outcome unknown after {}", claim.order().method(), step.operation(),
                    claim.attempt().id(), e.getClass().getName());
            verdict = Verdict.unknown();
        }
        Verdict decided = verdict;
        A answered = answer;
        Run<A, D> run = tx.execute(status -> finish(claim, step, decided, answered, participant));
        amounts.record(run.order(), step.operation(), run.code());
        return run;
    }

    private record Claim(Order order, Attempt attempt, ResultCode refusal) {
        static Claim refused(ResultCode code, Order order) {
            return new Claim(order, null, code);
        }
    }

    private <A, D> Claim claim(Target target, OperationStep<A, D> step) {
        StateTable<OrderStatus> table = step.table();
        Operation operation = step.operation();
        return switch (target) {
            case NewOrder order -> {
                OrderStatus initial = table.next(null, Operation.ENTRY, null).orElseThrow();
                var claimed = orders.registerClaimed(order.shopPk(), order.orderId(), order.method(), order.channel(),
                        initial,
                        order.amountYen(), order.taxYen(), operation, step.processorRef(),
                        successChange(step, initial));
                yield claimed.map(c -> new Claim(c.order(), c.attempt(), null))
                        .orElseGet(() -> Claim.refused(ResultCode.ORDER_ID_ALREADY_USED,
                                orders.findByShopAndOrderId(order.shopPk(), order.orderId(), order.method())
                                        .orElse(null)));
            }
            case Existing existing -> {
                Order order = existing.order();
                if (order.held()) {
                    yield Claim.refused(ResultCode.OPERATION_IN_PROGRESS, order);
                }
                if (table.next(order.status(), operation, Transition.Outcome.PENDING).isEmpty()) {
                    yield Claim.refused(ResultCode.INVALID_STATUS, order);
                }
                yield orders.claim(order, order.status(), operation, step.processorRef(), successChange(step, order.status()))
                        .map(attempt -> new Claim(order, attempt, null))
                        .orElseGet(() -> Claim.refused(ResultCode.OPERATION_IN_PROGRESS, order));
            }
        };
    }

    private static OrderChange successChange(OperationStep<?, ?> step, OrderStatus from) {
        OrderStatus to = step.table().next(from, step.operation(), Transition.Outcome.SUCCESS).orElseThrow();
        return step.onSuccess().withStatus(to);
    }

    private <A, D> Run<A, D> finish(Claim claim, OperationStep<A, D> step, Verdict verdict, A answer,
            Participant<? super Run<A, D>> participant) {
        Order before = claim.order();
        OrderStatus to = step.table().next(before.status(), step.operation(), verdict.outcome()).orElseThrow();
        OrderChange change = switch (verdict.outcome()) {
            case SUCCESS -> successChange(step, before.status());
            case FAILURE -> OrderChange.toStatus(verdict.untouched() ? before.status() : to);
            case UNKNOWN, PENDING -> OrderChange.none();
        };
        boolean reached = answer != null || verdict.outcome() == Transition.Outcome.UNKNOWN;
        Order after = orders.finish(claim.attempt(), verdict.attemptState(), verdict.code().name(), reached, change);
        D detail = step.atFinish(after, verdict, answer);
        Run<A, D> run = new Run<>(verdict.code(), verdict.attemptState(), after, answer, detail, true);
        participant.atFinish(run);
        return run;
    }

    /**
     * Settles an attempt for the reconciler (inside its transaction): SUCCESS applies the change journaled at the
     * claim, FAILURE the table's failure state ({@code from} itself when the processor shows no trace of the call:
     * {@link Verdict#untouched}); {@code from} is the state the attempt holds the order in.
     */
    Order settle(Attempt attempt, OrderStatus from, StateTable<OrderStatus> table, Verdict verdict) {
        OrderChange change = switch (verdict.outcome()) {
            case SUCCESS -> orders.journaledSuccess(attempt);
            case FAILURE -> OrderChange.toStatus(verdict.untouched() ? from
                    : table.next(from, attempt.operation(), verdict.outcome()).orElseThrow());
            case UNKNOWN, PENDING -> throw new IllegalArgumentException("a settlement is SUCCESS or FAILURE");
        };
        Order settled = orders.finish(attempt, verdict.attemptState(), verdict.code().name(), true, change);
        amounts.record(settled, attempt.operation(), verdict.code());
        return settled;
    }

    /** Registers a new order in the table's first state (取引登録); empty if the OrderID is taken. */
    public Optional<Order> register(long shopPk, String orderId, PaymentMethod method, Channel channel,
            StateTable<OrderStatus> table, long amountYen, long taxYen) {
        OrderStatus initial = table.next(null, Operation.ENTRY, null).orElseThrow();
        return orders.register(shopPk, orderId, method, channel, initial, amountYen, taxYen);
    }

    /**
     * A move without a processor call (a customer reaching a payment page, a center's notice, an expiry), by the
     * table's row for ({@code order}'s state, {@code operation}). {@code withMove} runs in the same transaction with
     * the moved order (e.g. to owe the merchant a notification). Empty if the table has no such move or the order
     * moved or is held meanwhile.
     */
    public Optional<Order> apply(Order order, StateTable<OrderStatus> table, Operation operation,
            Consumer<Order> withMove) {
        Optional<OrderStatus> to = table.next(order.status(), operation, null);
        if (to.isEmpty() || order.held()) {
            return Optional.empty();
        }
        return tx.execute(status -> {
            Optional<Order> moved = orders.transition(order, order.status(), to.get());
            moved.ifPresent(withMove);
            return moved;
        }).map(moved -> {
            amounts.record(moved, operation, operation == Operation.CANCEL_NOTICE ? ResultCode.PAYMENT_FAILED : ResultCode.OK);
            return moved;
        });
    }
}
