package jp.kessai.core.order;

import java.time.Instant;
import jp.kessai.platform.secret.AccessPass;

/**
 * One order: (shop, OrderID, payment method) with its AccessID/AccessPass pair and current state, the face that
 * created it ({@code channel}) and whether its processor was ever reached (an answer, or an unknown outcome). {@code cardNoMasked}
 * is the only card number form that leaves storage; the encrypted number stays in the repository.
 */
public record Order(
        long id,
        long shopPk,
        String orderId,
        PaymentMethod method,
        Channel channel,
        String accessId,
        AccessPass accessPass,
        OrderStatus status,
        String jobCd,
        long amountYen,
        long taxYen,
        ClientFields clientFields,
        String cardNoMasked,
        String carryInfo,
        String processorRef,
        Operation pendingOperation,
        Instant processedAt,
        Instant soldAt,
        Instant createdAt,
        Instant updatedAt,
        boolean processorReached) {

    /** Whether an operation holds the order (in flight, or its outcome still unknown). */
    public boolean held() {
        return pendingOperation != null;
    }

    public long totalYen() {
        return amountYen + taxYen;
    }
}
