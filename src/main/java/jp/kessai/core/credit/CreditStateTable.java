package jp.kessai.core.credit;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.util.ArrayList;
import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/**
 * Credit card transactions without 3-D Secure, row for row against openapi-type reference §4.5: a charge creates
 * AUTH (仮売上) or CAPTURE (即時売上); /order/capture moves AUTH to SALES (実売上); /order/update re-authorises AUTH,
 * SALES or CAPTURE and leaves AUTH or CAPTURE as asked (the old state stays when it fails); /order/cancel moves any
 * of them to CANCEL. A failed charge leaves the order UNPROCESSED so that a retry may charge it again.
 */
public final class CreditStateTable {

    private static final List<OrderStatus> CHANGEABLE = List.of(OrderStatus.AUTH, OrderStatus.SALES, OrderStatus.CAPTURE);

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("Credit card (OpenAPI type reference §4.5)", rows());

    private CreditStateTable() {}

    private static List<Transition<OrderStatus>> rows() {
        var rows = new ArrayList<Transition<OrderStatus>>();
        rows.add(new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED));
        rows.add(new Transition<>(OrderStatus.UNPROCESSED, Operation.AUTHORIZE, SUCCESS, OrderStatus.AUTH));
        rows.add(new Transition<>(OrderStatus.UNPROCESSED, Operation.AUTHORIZE, FAILURE, OrderStatus.UNPROCESSED));
        rows.add(new Transition<>(OrderStatus.UNPROCESSED, Operation.AUTH_AND_CAPTURE, SUCCESS, OrderStatus.CAPTURE));
        rows.add(new Transition<>(OrderStatus.UNPROCESSED, Operation.AUTH_AND_CAPTURE, FAILURE, OrderStatus.UNPROCESSED));
        rows.add(new Transition<>(OrderStatus.AUTH, Operation.CAPTURE, SUCCESS, OrderStatus.SALES));
        rows.add(new Transition<>(OrderStatus.AUTH, Operation.CAPTURE, FAILURE, OrderStatus.AUTH));
        for (OrderStatus from : CHANGEABLE) {
            rows.add(new Transition<>(from, Operation.REAUTHORIZE, SUCCESS, OrderStatus.AUTH));
            rows.add(new Transition<>(from, Operation.REAUTHORIZE, FAILURE, from));
            rows.add(new Transition<>(from, Operation.REAUTH_CAPTURE, SUCCESS, OrderStatus.CAPTURE));
            rows.add(new Transition<>(from, Operation.REAUTH_CAPTURE, FAILURE, from));
        }
        for (OrderStatus from : CHANGEABLE) {
            rows.add(new Transition<>(from, Operation.CANCEL, SUCCESS, OrderStatus.CANCEL));
            rows.add(new Transition<>(from, Operation.CANCEL, FAILURE, from));
        }
        return rows;
    }
}
