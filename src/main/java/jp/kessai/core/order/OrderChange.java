package jp.kessai.core.order;

import java.time.Instant;

/**
 * What a finished attempt changes on its order. Null fields are left as they are.
 *
 * @param cardNoSealed the card number encrypted by {@code FieldCipher}; never the clear number
 */
public record OrderChange(
        OrderStatus status,
        String jobCd,
        byte[] cardNoSealed,
        String cardNoMasked,
        String carryInfo,
        ClientFields clientFields,
        Instant soldAt) {

    /** Only the state moves (e.g. a failure row of a state table). */
    public static OrderChange toStatus(OrderStatus status) {
        return new OrderChange(status, null, null, null, null, null, null);
    }

    public static OrderChange none() {
        return new OrderChange(null, null, null, null, null, null, null);
    }
}
