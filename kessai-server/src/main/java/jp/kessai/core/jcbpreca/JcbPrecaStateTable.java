package jp.kessai.core.jcbpreca;

import java.util.ArrayList;
import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/** Seed 000 table 1.2.2-1 (JCBプリカ決済の取引状態遷移表), row for row. */
public final class JcbPrecaStateTable {

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("JCB Preca (seed 000 table 1.2.2-1)", rows());

    private JcbPrecaStateTable() {}

    private static List<Transition<OrderStatus>> rows() {
        var rows = new ArrayList<Transition<OrderStatus>>();
        rows.add(new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.UNPROCESSED, Operation.EXEC, OrderStatus.SALES, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.SALES, Operation.CANCEL, OrderStatus.CANCEL, OrderStatus.SALES));
        return rows;
    }
}
