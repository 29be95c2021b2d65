package jp.kessai.core.credit;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.ResultCode;
import jp.kessai.processor.card.CardDecline;

/** The acquirer's refusals as core result codes (one table, exhaustive over {@link CardDecline}). */
final class CreditDeclines {

    private static final Map<CardDecline, ResultCode> TABLE = new EnumMap<>(Map.of(
            CardDecline.CARD_DECLINED, ResultCode.CARD_DECLINED,
            CardDecline.INSUFFICIENT_BALANCE, ResultCode.CARD_INSUFFICIENT_BALANCE,
            CardDecline.AMOUNT_LIMIT_EXCEEDED, ResultCode.CARD_AMOUNT_LIMIT_EXCEEDED,
            CardDecline.PROCESSING_FAILURE, ResultCode.CARD_PROCESSING_FAILURE,
            CardDecline.NO_SUCH_AUTHORIZATION, ResultCode.INVALID_STATUS));

    static {
        for (CardDecline decline : CardDecline.values()) {
            if (!TABLE.containsKey(decline)) {
                throw new AssertionError("unmapped acquirer decline " + decline);
            }
        }
    }

    private CreditDeclines() {}

    static ResultCode of(CardDecline decline) {
        return TABLE.get(decline);
    }
}
