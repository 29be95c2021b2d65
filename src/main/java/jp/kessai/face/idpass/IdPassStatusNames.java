package jp.kessai.face.idpass;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.order.OrderStatus;

/**
 * The protocol type's names for the core's transaction states (SearchTradeMulti's Status, the result form's and the
 * result notification's Status): one table, exhaustive over {@link OrderStatus}.
 */
final class IdPassStatusNames {

    private static final Map<OrderStatus, String> TABLE = new EnumMap<>(Map.of(
            OrderStatus.UNPROCESSED, "UNPROCESSED",
            OrderStatus.AUTH, "AUTH",
            OrderStatus.CAPTURE, "CAPTURE",
            OrderStatus.SALES, "SALES",
            OrderStatus.CANCEL, "CANCEL",
            OrderStatus.REQSUCCESS, "REQSUCCESS",
            OrderStatus.PAYSTART, "PAYSTART",
            OrderStatus.PAYSUCCESS, "PAYSUCCESS",
            OrderStatus.PAYFAIL, "PAYFAIL",
            OrderStatus.EXPIRED, "EXPIRED"));

    static {
        TABLE.put(OrderStatus.CHECK, "CHECK"); // the protocol type's JobCd/Status CHECK (有効性チェック)
        for (OrderStatus status : OrderStatus.values()) {
            if (!TABLE.containsKey(status)) {
                throw new AssertionError("no protocol-type name for " + status);
            }
        }
    }

    private IdPassStatusNames() {}

    static String of(OrderStatus status) {
        return TABLE.get(status);
    }
}
