package jp.kessai.core.order;

/** One journaled processor call of an order, as operators and the faces' retry logic see it. */
public record JournalEntry(Operation operation, AttemptState state, String processorRef, String resultCode) {}
