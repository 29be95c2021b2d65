package jp.kessai.core.netcash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Transition.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 001 table 1.2.2-1 (NET CASH column) plus §3.1.2.1's PAYSTART and PAYFAIL, row for row. */
class NetCashStateTableTest {

    @Test
    void printsTheTableForReview() {
        String rendered = NetCashStateTable.TABLE.render();
        System.out.println(rendered);
        assertThat(rendered).contains("| EXEC | SUCCESS | UNPROCESSED | REQSUCCESS |", "| EXPIRE | — | PAYSTART | EXPIRED |");
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED),
                Arguments.of(OrderStatus.UNPROCESSED, Operation.EXEC, Outcome.SUCCESS, OrderStatus.REQSUCCESS),
                Arguments.of(OrderStatus.UNPROCESSED, Operation.EXEC, Outcome.FAILURE, OrderStatus.UNPROCESSED),
                Arguments.of(OrderStatus.REQSUCCESS, Operation.START, null, OrderStatus.PAYSTART),
                Arguments.of(OrderStatus.PAYSTART, Operation.START, null, OrderStatus.PAYSTART),
                Arguments.of(OrderStatus.PAYSTART, Operation.PAYMENT_NOTICE, null, OrderStatus.PAYSUCCESS),
                Arguments.of(OrderStatus.PAYSTART, Operation.CANCEL_NOTICE, null, OrderStatus.PAYFAIL),
                Arguments.of(OrderStatus.REQSUCCESS, Operation.EXPIRE, null, OrderStatus.EXPIRED),
                Arguments.of(OrderStatus.PAYSTART, Operation.EXPIRE, null, OrderStatus.EXPIRED));
    }

    @ParameterizedTest(name = "{0} --{1}/{2}--> {3}")
    @MethodSource("rows")
    void eachRowOfTheSeedTable(OrderStatus from, Operation operation, Outcome outcome, OrderStatus to) {
        assertThat(NetCashStateTable.TABLE.next(from, operation, outcome)).contains(to);
    }

    static Stream<Arguments> everyOtherMove() {
        Set<String> allowed = Set.of("UNPROCESSED/EXEC", "REQSUCCESS/START", "PAYSTART/START", "PAYSTART/PAYMENT_NOTICE",
                "PAYSTART/CANCEL_NOTICE", "REQSUCCESS/EXPIRE", "PAYSTART/EXPIRE");
        return Stream.of(OrderStatus.values()).flatMap(s -> Stream.of(Operation.values())
                .filter(op -> op != Operation.ENTRY && !allowed.contains(s + "/" + op))
                .map(op -> Arguments.of(s, op)));
    }

    @ParameterizedTest(name = "{0} + {1} is rejected")
    @MethodSource("everyOtherMove")
    void everyOtherMoveIsRejected(OrderStatus state, Operation operation) {
        assertThat(NetCashStateTable.TABLE.allows(state, operation)).isFalse();
    }

    @Test
    void paidAndExpiredOrdersAreFinal() {
        for (OrderStatus terminal : new OrderStatus[] {OrderStatus.PAYSUCCESS, OrderStatus.PAYFAIL, OrderStatus.EXPIRED}) {
            for (Operation operation : Operation.values()) {
                assertThat(NetCashStateTable.TABLE.allows(terminal, operation)).as(terminal + " " + operation).isFalse();
            }
        }
    }
}
