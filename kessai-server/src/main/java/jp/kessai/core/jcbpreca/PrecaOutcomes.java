package jp.kessai.core.jcbpreca;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.ResultCode;
import jp.kessai.processor.jcbpreca.PrecaDecline;

/** The center's refusals as core result codes (one table, exhaustive over {@link PrecaDecline}). */
final class PrecaOutcomes {

    private static final Map<PrecaDecline, ResultCode> TABLE = new EnumMap<>(Map.of(
            PrecaDecline.UNKNOWN_CARD, ResultCode.CARD_UNKNOWN,
            PrecaDecline.APPROVAL_NUMBER_MISMATCH, ResultCode.CARD_APPROVAL_NUMBER_MISMATCH,
            PrecaDecline.INSUFFICIENT_BALANCE, ResultCode.CARD_INSUFFICIENT_BALANCE,
            PrecaDecline.EXPIRED, ResultCode.CARD_EXPIRED,
            PrecaDecline.BEFORE_USAGE_START, ResultCode.CARD_BEFORE_USAGE_START,
            PrecaDecline.INVALID_CARD, ResultCode.CARD_INVALID,
            PrecaDecline.WEB_INQUIRY_NOT_ALLOWED, ResultCode.CARD_WEB_INQUIRY_NOT_ALLOWED,
            PrecaDecline.NO_SUCH_TRANSACTION, ResultCode.CANCEL_TARGET_NOT_FOUND,
            PrecaDecline.ALREADY_CANCELLED, ResultCode.ALREADY_CANCELLED,
            PrecaDecline.CANCEL_WINDOW_PASSED, ResultCode.CANCEL_WINDOW_PASSED));

    static {
        for (PrecaDecline decline : PrecaDecline.values()) {
            if (!TABLE.containsKey(decline)) {
                throw new AssertionError("unmapped center decline " + decline);
            }
        }
    }

    private PrecaOutcomes() {}

    static ResultCode of(PrecaDecline decline) {
        return TABLE.get(decline);
    }
}
