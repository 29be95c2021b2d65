package jp.kessai.processor.card;

/** The acquirer's refusals. Each carries the card company's code (the protocol type's 42G… family, e.g. G12). */
public enum CardDecline {
    /** The card may not be used (G12), or its expiry date is wrong (G83). */
    CARD_DECLINED,
    /** Not enough balance or credit left (G02). */
    INSUFFICIENT_BALANCE,
    /** The amount is over the card's limit (G03). */
    AMOUNT_LIMIT_EXCEEDED,
    /** The card company reported an error while processing (G97). */
    PROCESSING_FAILURE,
    /** Capture, void or change of an authorisation the acquirer does not have, or has already voided. */
    NO_SUCH_AUTHORIZATION
}
