package jp.kessai.core.credit;

import jp.kessai.core.order.Order;

/** A credit order with its credit details, as the faces render it. */
public record CreditTransaction(Order order, CreditDetail detail) {}
