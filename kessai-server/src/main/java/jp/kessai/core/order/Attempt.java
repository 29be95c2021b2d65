package jp.kessai.core.order;

/** A journaled processor call on an order (write-ahead: recorded PENDING before the call is made). */
public record Attempt(long id, long orderPk, Operation operation, String processorRef) {}
