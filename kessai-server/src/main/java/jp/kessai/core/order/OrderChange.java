package jp.kessai.core.order;

import java.time.Instant;

/**
 * What a finished attempt changes on its order. Null fields are left as they are.
 *
 * @param cardNoSealed the card number encrypted by {@code FieldCipher}; never the clear number
 * @param amountYen the order's new amount (credit amount changes and re-tries), null to keep it
 */
public record OrderChange(
        OrderStatus status,
        String jobCd,
        byte[] cardNoSealed,
        String cardNoMasked,
        String carryInfo,
        ClientFields clientFields,
        Instant soldAt,
        Long amountYen) {

    public OrderChange(OrderStatus status, String jobCd, byte[] cardNoSealed, String cardNoMasked, String carryInfo,
            ClientFields clientFields, Instant soldAt) {
        this(status, jobCd, cardNoSealed, cardNoMasked, carryInfo, clientFields, soldAt, null);
    }

    /** Only the state moves (e.g. a failure row of a state table). */
    public static OrderChange toStatus(OrderStatus status) {
        return new OrderChange(status, null, null, null, null, null, null);
    }

    /** This change with the order's next state. */
    public OrderChange withStatus(OrderStatus next) {
        return new OrderChange(next, jobCd, cardNoSealed, cardNoMasked, carryInfo, clientFields, soldAt, amountYen);
    }

    public static OrderChange none() {
        return new OrderChange(null, null, null, null, null, null, null);
    }
}
