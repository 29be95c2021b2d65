package jp.kessai.face.idpass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.platform.time.KessaiClock;
import jp.kessai.core.jcbpreca.PrecaReport;

/** Formats the protocol type uses on the wire: JST timestamps, yyyyMMdd dates, PayType codes. */
final class WireFormats {

    private static final DateTimeFormatter PROCESS_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(KessaiClock.JST);
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

    static final String PAY_TYPE_JCB_PRECA = "14";
    static final String PAY_TYPE_NET_CASH = "16";
    /** The protocol type's currency code for yen. */
    static final String CURRENCY_JPY = "JPN";
    static final String PAY_TYPE_CREDIT = "0";

    private WireFormats() {}

    static String processDate(Instant instant) {
        return instant == null ? "" : PROCESS_DATE.format(instant);
    }

    static String ymd(LocalDate date) {
        return date == null ? "" : YMD.format(date);
    }

    /** PayType → payment method; null for codes this server does not serve. */
    static PaymentMethod paymentMethod(String payType) {
        if (PAY_TYPE_JCB_PRECA.equals(payType)) {
            return PaymentMethod.JCB_PRECA;
        }
        return PAY_TYPE_NET_CASH.equals(payType) ? PaymentMethod.NET_CASH : null;
    }

    static String payType(PaymentMethod method) {
        return switch (method) {
            case JCB_PRECA -> PAY_TYPE_JCB_PRECA;
            case NET_CASH -> PAY_TYPE_NET_CASH;
            case CREDIT -> PAY_TYPE_CREDIT;
        };
    }

    /** CardActivateStatus … CardTypeCode in the seed's output order; empty values when the center did not say. */
    static void putCardState(IdPassResponse response, PrecaReport.Card card) {
        response.put("CardActivateStatus", card == null ? "" : Integer.toString(card.activateStatus()))
                .put("CardTermStatus", card == null ? "" : Integer.toString(card.termStatus()))
                .put("CardInvalidStatus", card == null ? "" : Integer.toString(card.invalidStatus()))
                .put("CardWebInquiryStatus", card == null ? "" : Integer.toString(card.webInquiryStatus()))
                .put("CardValidLimit", card == null ? "" : ymd(card.validLimit()))
                .put("CardTypeCode", card == null ? "" : card.cardTypeCode());
    }
}
