package jp.kessai.face.idpass;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.ResultCode;

/**
 * The one table from core result codes to idpass ErrInfo codes. The protocol type reports the same condition with
 * different families depending on the API: multi-payment Entry/Exec use M01…, the common APIs (Cancel,
 * BalanceInquiry, SearchTradeMulti) use E01… — as the seed's own error examples show. Center outcomes are JP1….
 * docs/idpass.md lists this table with the source of each code.
 */
final class IdPassResultCodes {

    /** Which column of the table an API reads. */
    enum Family {
        MULTI_PAYMENT,
        COMMON
    }

    private record Codes(String multiPayment, String common) {
        static Codes both(String code) {
            return new Codes(code, code);
        }
    }

    private static final Map<ResultCode, Codes> TABLE = new EnumMap<>(ResultCode.class);

    static {
        TABLE.put(ResultCode.SHOP_AUTH_FAILED, new Codes("M01002002", "E01030002"));
        TABLE.put(ResultCode.METHOD_NOT_CONTRACTED, Codes.both("E61020001"));
        TABLE.put(ResultCode.ORDER_ID_ALREADY_USED, new Codes("M01004010", "E01040010"));
        TABLE.put(ResultCode.ORDER_NOT_FOUND, new Codes("M01058002", "E01110002"));
        TABLE.put(ResultCode.ACCESS_PASS_MISMATCH, new Codes("M01058002", "E01110002"));
        TABLE.put(ResultCode.ORDER_ID_MISMATCH, new Codes("M01004002", "E01110002"));
        TABLE.put(ResultCode.PAYMENT_METHOD_MISMATCH, new Codes("M01058002", "E01110002"));
        TABLE.put(ResultCode.ALREADY_PAID, Codes.both("E11010001"));
        TABLE.put(ResultCode.ALREADY_REQUESTED, Codes.both("M01004014"));
        TABLE.put(ResultCode.PAYMENT_EXPIRED, Codes.both("NC1000005"));
        TABLE.put(ResultCode.TOKEN_MISMATCH, Codes.both("NC1000003"));
        TABLE.put(ResultCode.PAYMENT_FAILED, Codes.both("NC1000009"));
        TABLE.put(ResultCode.NOT_PAID, Codes.both("E11010002"));
        TABLE.put(ResultCode.ALREADY_CANCELLED, Codes.both("JP1000020"));
        TABLE.put(ResultCode.OPERATION_IN_PROGRESS, Codes.both("E82010001"));
        TABLE.put(ResultCode.CARD_INSUFFICIENT_BALANCE, Codes.both("JP1000001"));
        TABLE.put(ResultCode.CARD_BEFORE_USAGE_START, Codes.both("JP1000004"));
        TABLE.put(ResultCode.CARD_APPROVAL_NUMBER_MISMATCH, Codes.both("JP1000005"));
        TABLE.put(ResultCode.CARD_INVALID, Codes.both("JP1000006"));
        TABLE.put(ResultCode.CARD_UNKNOWN, Codes.both("JP1000007"));
        TABLE.put(ResultCode.CARD_EXPIRED, Codes.both("JP1000008"));
        TABLE.put(ResultCode.CARD_WEB_INQUIRY_NOT_ALLOWED, Codes.both("JP1000012"));
        TABLE.put(ResultCode.CANCEL_TARGET_NOT_FOUND, Codes.both("JP1000019"));
        TABLE.put(ResultCode.CANCEL_WINDOW_PASSED, Codes.both("JP1000022"));
        TABLE.put(ResultCode.INVALID_STATUS, Codes.both("E11010003"));
        TABLE.put(ResultCode.AUTHORIZATION_EXPIRED, Codes.both("E11010010"));
        TABLE.put(ResultCode.CARD_DECLINED, Codes.both("42G120000"));
        TABLE.put(ResultCode.CARD_NUMBER_CHECK_DIGIT, Codes.both("E41170099"));
        TABLE.put(ResultCode.CARD_AMOUNT_LIMIT_EXCEEDED, Codes.both("42G030000"));
        TABLE.put(ResultCode.CARD_PROCESSING_FAILURE, Codes.both("42G970000"));
        TABLE.put(ResultCode.PROCESSOR_MAINTENANCE, Codes.both("42C010000"));
        TABLE.put(ResultCode.PROCESSOR_UNAVAILABLE, Codes.both("JP1000040"));
        TABLE.put(ResultCode.PROCESSOR_OUTCOME_UNKNOWN, Codes.both("JP1000049"));
        // the card vault (no idpass member API yet; codes from the protocol type's catalogue for the same conditions)
        TABLE.put(ResultCode.MEMBER_NOT_FOUND, Codes.both("E01390002"));
        TABLE.put(ResultCode.MEMBER_ALREADY_EXISTS, Codes.both("E01390010"));
        TABLE.put(ResultCode.ONFILE_CARD_NOT_FOUND, Codes.both("E01240002"));
        TABLE.put(ResultCode.ONFILE_CARD_LIMIT_EXCEEDED, Codes.both("E01230009"));
        TABLE.put(ResultCode.ONFILE_CARD_DUPLICATED, Codes.both("E01390010"));
        TABLE.put(ResultCode.REFERENCE_NOT_STORABLE, new Codes("M01058002", "E01110002"));
        // 3-D Secure (GMO-PG E21: "User Authentication")
        TABLE.put(ResultCode.TDS_NOT_ENROLLED, Codes.both("E21010201"));
        TABLE.put(ResultCode.TDS_AUTHENTICATION_FAILED, Codes.both("E21010001"));
        TABLE.put(ResultCode.TDS_CANCELLED, Codes.both("E21010001"));
        TABLE.put(ResultCode.TDS_EXPIRED, Codes.both("E21010999"));
        // MP tokens: no idpass face takes them today; GMO-PG's own token errors (EX1000301-303) for when one does
        TABLE.put(ResultCode.CARD_TOKEN_NOT_FOUND, Codes.both("EX1000301"));
        TABLE.put(ResultCode.CARD_TOKEN_USED, Codes.both("EX1000302"));
        TABLE.put(ResultCode.CARD_TOKEN_EXPIRED, Codes.both("EX1000303"));
        TABLE.put(ResultCode.SYSTEM_ERROR, new Codes("M91099999", "E91099999"));
        for (ResultCode code : ResultCode.values()) {
            if (code != ResultCode.OK && !TABLE.containsKey(code)) {
                throw new AssertionError("ResultCode " + code + " has no idpass code");
            }
        }
    }

    private IdPassResultCodes() {}

    static IdPassError of(ResultCode code, Family family) {
        if (code == ResultCode.OK) {
            throw new IllegalArgumentException("OK is not an error");
        }
        Codes codes = TABLE.get(code);
        return new IdPassError(family == Family.MULTI_PAYMENT ? codes.multiPayment() : codes.common());
    }
}
