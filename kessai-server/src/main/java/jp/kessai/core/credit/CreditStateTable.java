package jp.kessai.core.credit;

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
 * of them to CANCEL. /credit/verifyCard moves a new order to CHECK (有効性チェック), which nothing moves on from.
 * A failed charge leaves the order UNPROCESSED so that a retry may charge it again.
 * <p>
 * 3-D Secure (seed 003 処理シーケンス): 認証初期化 (TDS_ENTRY) makes the order AUTHENTICATED (the 202 with a
 * redirect); the authorisation after authentication (automatic, or /tds2/finalizeCharge) moves it on as a charge
 * does, and a card verification (VERIFY) to CHECK; a failed authentication (TDS_FAIL), a failed authorisation and
 * an abandoned flow (EXPIRE) leave it UNPROCESSED, so the OrderID may be charged again.
 */
public final class CreditStateTable {

    private static final List<OrderStatus> CHANGEABLE = List.of(OrderStatus.AUTH, OrderStatus.SALES, OrderStatus.CAPTURE);

    public static final StateTable<OrderStatus> TABLE = new StateTable<>("Credit card (OpenAPI type reference §4.5)", rows());

    private CreditStateTable() {}

    private static List<Transition<OrderStatus>> rows() {
        var rows = new ArrayList<Transition<OrderStatus>>();
        rows.add(new Transition<>(null, Operation.ENTRY, null, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.UNPROCESSED, Operation.AUTHORIZE, OrderStatus.AUTH, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.UNPROCESSED, Operation.AUTH_AND_CAPTURE, OrderStatus.CAPTURE, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.UNPROCESSED, Operation.VERIFY, OrderStatus.CHECK, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.AUTH, Operation.CAPTURE, OrderStatus.SALES, OrderStatus.AUTH));
        rows.addAll(Transition.processorCall(OrderStatus.UNPROCESSED, Operation.TDS_ENTRY, OrderStatus.AUTHENTICATED, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.AUTHENTICATED, Operation.AUTHORIZE, OrderStatus.AUTH, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.AUTHENTICATED, Operation.AUTH_AND_CAPTURE, OrderStatus.CAPTURE, OrderStatus.UNPROCESSED));
        rows.addAll(Transition.processorCall(OrderStatus.AUTHENTICATED, Operation.VERIFY, OrderStatus.CHECK, OrderStatus.UNPROCESSED));
        rows.add(new Transition<>(OrderStatus.AUTHENTICATED, Operation.TDS_FAIL, null, OrderStatus.UNPROCESSED));
        rows.add(new Transition<>(OrderStatus.AUTHENTICATED, Operation.EXPIRE, null, OrderStatus.UNPROCESSED));
        for (OrderStatus from : CHANGEABLE) {
            rows.addAll(Transition.processorCall(from, Operation.REAUTHORIZE, OrderStatus.AUTH, from));
            rows.addAll(Transition.processorCall(from, Operation.REAUTH_CAPTURE, OrderStatus.CAPTURE, from));
        }
        for (OrderStatus from : CHANGEABLE) {
            rows.addAll(Transition.processorCall(from, Operation.CANCEL, OrderStatus.CANCEL, from));
        }
        return rows;
    }
}
