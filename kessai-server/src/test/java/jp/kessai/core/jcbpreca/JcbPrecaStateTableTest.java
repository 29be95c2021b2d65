package jp.kessai.core.jcbpreca;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 000 表 1.2.2-1 JCBプリカ決済の取引状態遷移表, held against {@link JcbPrecaStateTable#TABLE}. */
class JcbPrecaStateTableTest {

    private static final StateTable<OrderStatus> TABLE = JcbPrecaStateTable.TABLE;

    @Test
    void printsTheTableForReview() {
        String rendered = TABLE.render();
        System.out.println(rendered);

        assertThat(rendered.lines()).containsExactly(
                "JCB Preca (seed 000 table 1.2.2-1)",
                "| operation | result | before | after |",
                "|---|---|---|---|",
                "| ENTRY | — | — | UNPROCESSED |",
                "| EXEC | PENDING | UNPROCESSED | UNPROCESSED (held: call in flight) |",
                "| EXEC | SUCCESS | UNPROCESSED | SALES |",
                "| EXEC | FAILURE | UNPROCESSED | UNPROCESSED |",
                "| EXEC | UNKNOWN | UNPROCESSED | UNPROCESSED (held until reconciled) |",
                "| CANCEL | PENDING | SALES | SALES (held: call in flight) |",
                "| CANCEL | SUCCESS | SALES | CANCEL |",
                "| CANCEL | FAILURE | SALES | SALES |",
                "| CANCEL | UNKNOWN | SALES | SALES (held until reconciled) |");
    }

    /** The seed's rows: 取引登録 —, 決済要求 成功/失敗, 取消要求 成功/失敗. */
    static Stream<Arguments> seedRows() {
        return Stream.of(
                argumentSet("取引登録: — → 未決済", null, Operation.ENTRY, null, OrderStatus.UNPROCESSED),
                argumentSet("決済要求 成功: 未決済 → 支払完了", OrderStatus.UNPROCESSED, Operation.EXEC, SUCCESS, OrderStatus.SALES),
                argumentSet("決済要求 失敗: 未決済 → 未決済", OrderStatus.UNPROCESSED, Operation.EXEC, FAILURE, OrderStatus.UNPROCESSED),
                argumentSet("取消要求 成功: 支払完了 → キャンセル", OrderStatus.SALES, Operation.CANCEL, SUCCESS, OrderStatus.CANCEL),
                argumentSet("取消要求 失敗: 支払完了 → 支払完了", OrderStatus.SALES, Operation.CANCEL, FAILURE, OrderStatus.SALES));
    }

    @ParameterizedTest
    @MethodSource("seedRows")
    void seedRowIsInTheTable(OrderStatus before, Operation operation, Transition.Outcome outcome, OrderStatus after) {
        assertThat(TABLE.allows(before, operation)).isTrue();
        assertThat(TABLE.next(before, operation, outcome)).contains(after);
    }

    @Test
    void tableHasExactlyTheSeedRowsPlusThePendingAndUnknownRowsThatHoldTheOrder() {
        assertThat(TABLE.transitions()).containsExactlyInAnyOrder(
                new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED),
                new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, Transition.Outcome.PENDING, OrderStatus.UNPROCESSED),
                new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, SUCCESS, OrderStatus.SALES),
                new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, FAILURE, OrderStatus.UNPROCESSED),
                new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, Transition.Outcome.UNKNOWN, OrderStatus.UNPROCESSED),
                new Transition<>(OrderStatus.SALES, Operation.CANCEL, Transition.Outcome.PENDING, OrderStatus.SALES),
                new Transition<>(OrderStatus.SALES, Operation.CANCEL, SUCCESS, OrderStatus.CANCEL),
                new Transition<>(OrderStatus.SALES, Operation.CANCEL, FAILURE, OrderStatus.SALES),
                new Transition<>(OrderStatus.SALES, Operation.CANCEL, Transition.Outcome.UNKNOWN, OrderStatus.SALES));
    }

    /** The (state, operation) pairs the seed lists; null is "no order yet". */
    private static final Set<String> ALLOWED = Set.of("null/ENTRY", "UNPROCESSED/EXEC", "SALES/CANCEL");

    /** Every (state before or none) × operation, with whether the seed allows it. */
    static Stream<Arguments> everyStateAndOperation() {
        List<OrderStatus> befores = new ArrayList<>();
        befores.add(null);
        befores.addAll(Arrays.asList(OrderStatus.values()));
        return befores.stream().flatMap(before -> Arrays.stream(Operation.values()).map(op -> {
            boolean allowed = ALLOWED.contains(before + "/" + op);
            return argumentSet((before == null ? "—" : before) + " × " + op + (allowed ? " allowed" : " rejected"),
                    before, op, allowed);
        }));
    }

    @ParameterizedTest
    @MethodSource("everyStateAndOperation")
    void onlyTheSeedsMovesAreAllowed(OrderStatus before, Operation operation, boolean allowed) {
        assertThat(TABLE.allows(before, operation)).isEqualTo(allowed);
        if (!allowed) {
            for (Transition.Outcome outcome : new Transition.Outcome[] {SUCCESS, FAILURE, null}) {
                assertThat(TABLE.next(before, operation, outcome)).as("no next state for %s", outcome).isEmpty();
            }
        }
    }

    @Test
    void cancelIsTerminal() {
        for (Operation operation : Operation.values()) {
            assertThat(TABLE.allows(OrderStatus.CANCEL, operation)).as("CANCEL × %s", operation).isFalse();
        }
    }
}
