package jp.kessai.core.credit;

import java.time.Instant;
import jp.kessai.core.order.Order;

/** A credit order with its credit details and the time it last changed, as the faces render it. */
public record CreditTransaction(Order order, CreditDetail detail, Instant updatedAt) {}
