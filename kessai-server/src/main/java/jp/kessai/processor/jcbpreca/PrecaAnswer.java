package jp.kessai.processor.jcbpreca;

/** The center's answer to a debit, cancel or balance inquiry. */
public sealed interface PrecaAnswer {

    /** Done. Balances are before and after this call (equal for an inquiry). */
    record Approved(long beforeBalanceYen, long afterBalanceYen, PrecaCardState card) implements PrecaAnswer {}

    /** Refused; {@code card} is present when the center identified the card. */
    record Declined(PrecaDecline reason, PrecaCardState card, Long balanceYen) implements PrecaAnswer {}
}
