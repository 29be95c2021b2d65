package jp.kessai.core.jcbpreca;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/** Seed 000 table 1.2.2-1 (JCBプリカ決済の取引状態遷移表), row for row. */
public final class JcbPrecaStateTable {

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("JCB Preca (seed 000 table 1.2.2-1)", List.of(
            new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED),
            new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, SUCCESS, OrderStatus.SALES),
            new Transition<>(OrderStatus.UNPROCESSED, Operation.EXEC, FAILURE, OrderStatus.UNPROCESSED),
            new Transition<>(OrderStatus.SALES, Operation.CANCEL, SUCCESS, OrderStatus.CANCEL),
            new Transition<>(OrderStatus.SALES, Operation.CANCEL, FAILURE, OrderStatus.SALES)));

    private JcbPrecaStateTable() {}
}
