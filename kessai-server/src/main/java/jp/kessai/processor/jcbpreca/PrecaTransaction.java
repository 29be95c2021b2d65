package jp.kessai.processor.jcbpreca;

/** The center's record of one debit, looked up by its sales code (伝票番号) during reconciliation. */
public record PrecaTransaction(String salesCode, long amountYen, boolean cancelled, PrecaAnswer.Approved result) {}
