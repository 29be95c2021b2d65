package jp.kessai.face.idpass;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.order.OrderStatus;

/**
 * The protocol type's names for the core's transaction states (SearchTradeMulti's Status, the result form's and the
 * result notification's Status): one table, exhaustive over {@link OrderStatus}.
 */
final class IdPassStatusNames {

    private static final Map<OrderStatus, String> TABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(OrderStatus.UNPROCESSED, "UNPROCESSED"),
            Map.entry(OrderStatus.AUTH, "AUTH"),
            Map.entry(OrderStatus.CAPTURE, "CAPTURE"),
            Map.entry(OrderStatus.SALES, "SALES"),
            Map.entry(OrderStatus.CANCEL, "CANCEL"),
            Map.entry(OrderStatus.REQSUCCESS, "REQSUCCESS"),
            Map.entry(OrderStatus.PAYSTART, "PAYSTART"),
            Map.entry(OrderStatus.PAYSUCCESS, "PAYSUCCESS"),
            Map.entry(OrderStatus.PAYFAIL, "PAYFAIL"),
            Map.entry(OrderStatus.EXPIRED, "EXPIRED"),
            Map.entry(OrderStatus.AUTHENTICATED, "AUTHENTICATED"),
            Map.entry(OrderStatus.CHECK, "CHECK")));

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
