package jp.kessai.face.openapi;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.order.OrderStatus;

/**
 * The OpenAPI type's names for the core's transaction states (orderReference.status, OAS StatusCredit and the
 * shared order statuses): one table, exhaustive over {@link OrderStatus}. NET CASH and JCB Preca states have no
 * OpenAPI-type name; this face never serves those methods, and a state without a name here is a programming error.
 */
final class OpenApiStatusNames {

    private static final Map<OrderStatus, String> TABLE = new EnumMap<>(Map.of(
            OrderStatus.UNPROCESSED, "UNPROCESSED",
            OrderStatus.AUTH, "AUTH",
            OrderStatus.CAPTURE, "CAPTURE",
            OrderStatus.SALES, "SALES",
            OrderStatus.CANCEL, "CANCEL",
            OrderStatus.AUTHENTICATED, "AUTHENTICATED",
            OrderStatus.CHECK, "CHECK"));

    private OpenApiStatusNames() {}

    static String of(OrderStatus status) {
        String name = TABLE.get(status);
        if (name == null) {
            throw new IllegalStateException("no OpenAPI-type status for " + status);
        }
        return name;
    }
}
