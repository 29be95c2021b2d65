package jp.kessai.processor.card.simulator;

import jp.kessai.processor.card.CardDecline;

/** What the simulator does instead of approving: from a test card, or injected for the next calls (sandbox API). */
public enum CardFault {
    CARD_DECLINED(CardDecline.CARD_DECLINED, "G12"),
    INSUFFICIENT_BALANCE(CardDecline.INSUFFICIENT_BALANCE, "G02"),
    AMOUNT_LIMIT_EXCEEDED(CardDecline.AMOUNT_LIMIT_EXCEEDED, "G03"),
    PROCESSING_FAILURE(CardDecline.PROCESSING_FAILURE, "G97"),
    /** The network in front of the acquirer fails: nothing happened (502 bad_gateway). */
    BAD_GATEWAY(null, null),
    /** The card network is in maintenance: nothing happened (502 maintenance). */
    MAINTENANCE(null, null),
    /** The request never reaches the acquirer, but the caller cannot know: outcome unknown. */
    DROP_REQUEST(null, null),
    /** The acquirer acts and the answer is lost: outcome unknown. */
    LOSE_ANSWER(null, null),
    /** The call fails with an unexpected exception before the acquirer acts: nothing happened, but the caller cannot know. */
    THROW(null, null);

    final CardDecline decline;
    final String code;

    CardFault(CardDecline decline, String code) {
        this.decline = decline;
        this.code = code;
    }
}
