package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input parameter rules of seed 000's tables (required ◎, length in Windows-31J bytes, character classes of 表 1.1-1)
 * with their ErrInfo codes. One row per case: parameter, value (null = not sent), expected ErrInfo ("" = valid).
 */
class ParamValidationTest {

    private static final String FULL_WIDTH_50 = "あ".repeat(50); // 100 bytes in Windows-31J

    private static Arguments row(Param param, String value, String expectedErrInfo) {
        String shown = value == null ? "(absent)" : value.length() > 12 ? value.length() + " chars \"" + value.substring(0, 6) + "…\"" : "\"" + value + "\"";
        String outcome = expectedErrInfo.isEmpty() ? "ok" : expectedErrInfo;
        return argumentSet(param.name() + " " + shown + " → " + outcome, param, value, expectedErrInfo);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // OrderID: ◎ CHAR 27, 半角英数字と"-"
                row(IdPassParams.ORDER_ID_M, null, "M01004001"),
                row(IdPassParams.ORDER_ID_M, "", "M01004001"),
                row(IdPassParams.ORDER_ID_M, "order-0001-ABC", ""),
                row(IdPassParams.ORDER_ID_M, "a".repeat(27), ""),
                row(IdPassParams.ORDER_ID_M, "a".repeat(28), "M01004012"),
                row(IdPassParams.ORDER_ID_M, "ab_c", "M01004013"),
                row(IdPassParams.ORDER_ID_M, "ab c", "M01004013"),
                row(IdPassParams.ORDER_ID_M, "注文1", "M01004013"),
                row(IdPassParams.ORDER_ID_E, null, "E01040001"),
                row(IdPassParams.ORDER_ID_E, "a".repeat(28), "E01040003"),
                row(IdPassParams.ORDER_ID_E, "ab_c", "E01040013"),

                // Amount: ◎ NUMBER 8, ≥ 1
                row(IdPassParams.AMOUNT, null, "M01005001"),
                row(IdPassParams.AMOUNT, "", "M01005001"),
                row(IdPassParams.AMOUNT, "1", ""),
                row(IdPassParams.AMOUNT, "99999999", ""),
                row(IdPassParams.AMOUNT, "0", "M01005011"),
                row(IdPassParams.AMOUNT, "-5", "M01005011"),
                row(IdPassParams.AMOUNT, "abc", "M01005006"),
                row(IdPassParams.AMOUNT, "1.5", "M01005006"),
                row(IdPassParams.AMOUNT, "１", "M01005006"),
                row(IdPassParams.AMOUNT, "123456789", "M01005005"),

                // Tax: optional NUMBER 8
                row(IdPassParams.TAX, null, ""),
                row(IdPassParams.TAX, "", ""),
                row(IdPassParams.TAX, "0", ""),
                row(IdPassParams.TAX, "80", ""),
                row(IdPassParams.TAX, "x", "M01006006"),
                row(IdPassParams.TAX, "-5", "M01006006"),
                row(IdPassParams.TAX, "123456789", "M01006005"),

                // Shop and transaction credentials
                row(IdPassParams.SHOP_ID_M, null, "M01002001"),
                row(IdPassParams.SHOP_ID_M, "tshop00000001", ""),
                row(IdPassParams.SHOP_ID_M, "tshop000000012", "M01002008"),
                row(IdPassParams.SHOP_ID_M, "shop-1", "M01002008"),
                row(IdPassParams.SHOP_PASS_M, null, "M01003001"),
                row(IdPassParams.SHOP_PASS_M, "pass12345", "M01003008"),
                row(IdPassParams.SHOP_ID_E, "", "E01010001"),
                row(IdPassParams.SHOP_PASS_E, null, "E01020001"),
                row(IdPassParams.ACCESS_ID_M, null, "M01007001"),
                row(IdPassParams.ACCESS_ID_M, "0123456789abcdef0123456789abcdef", ""),
                row(IdPassParams.ACCESS_ID_M, "0123456789abcdef0123456789abcdef0", "M01007008"),
                row(IdPassParams.ACCESS_PASS_M, null, "M01008001"),
                row(IdPassParams.ACCESS_ID_E, null, "E01090001"),
                row(IdPassParams.ACCESS_PASS_E, null, "E01100001"),
                row(IdPassParams.VERSION, null, ""),
                row(IdPassParams.VERSION, "1234", "M01001005"),

                // ClientField1-3: optional CHAR 100 bytes, half-width alphanumerics + symbols except ^`{}~&<>"' + full-width
                row(IdPassParams.CLIENT_FIELD1, null, ""),
                row(IdPassParams.CLIENT_FIELD1, "", ""),
                row(IdPassParams.CLIENT_FIELD1, "あ", ""),
                row(IdPassParams.CLIENT_FIELD1, "お買い上げ№１", ""),
                row(IdPassParams.CLIENT_FIELD1, "Order #1 (gift), 50% off! a=b+c;d:e/f?g@h[i]j\\k|l$m*n_o.p", ""),
                row(IdPassParams.CLIENT_FIELD1, FULL_WIDTH_50, ""),
                row(IdPassParams.CLIENT_FIELD1, "a".repeat(100), ""),
                row(IdPassParams.CLIENT_FIELD1, "a".repeat(101), "M01039012"),
                row(IdPassParams.CLIENT_FIELD1, "a" + FULL_WIDTH_50, "M01039012"),
                row(IdPassParams.CLIENT_FIELD1, FULL_WIDTH_50 + "あ", "M01039012"),
                row(IdPassParams.CLIENT_FIELD1, "a^b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a`b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a{b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a}b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a~b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a&b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a<b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a>b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a\"b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a'b", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "ｱ", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "ﾃｽﾄ", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "a\tb", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "\uFFFD", "M01039013"), // what a broken %XX sequence decodes to
                row(IdPassParams.CLIENT_FIELD1, "😀", "M01039013"),
                // regression: these pass canEncode but come out of Windows-31J as '~' and '\\'
                row(IdPassParams.CLIENT_FIELD1, "a\u203Eb", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "\u00A5100", "M01039013"),
                row(IdPassParams.CLIENT_FIELD1, "＼１００", ""),
                row(IdPassParams.CLIENT_FIELD1, "😀" + FULL_WIDTH_50, "M01039013"),
                row(IdPassParams.CLIENT_FIELD2, FULL_WIDTH_50 + "あ", "M01040012"),
                row(IdPassParams.CLIENT_FIELD2, "{}", "M01040013"),
                row(IdPassParams.CLIENT_FIELD3, "a".repeat(101), "M01041012"),
                row(IdPassParams.CLIENT_FIELD3, "ｱ", "M01041013"),
                row(IdPassParams.CLIENT_FIELD3, FULL_WIDTH_50, ""),

                // CardNo: ◎ CHAR 32, digits
                row(IdPassParams.CARD_NO, null, "E01170001"),
                row(IdPassParams.CARD_NO, "9990000000000001", ""),
                row(IdPassParams.CARD_NO, "9".repeat(32), ""),
                row(IdPassParams.CARD_NO, "9".repeat(33), "E01170003"),
                row(IdPassParams.CARD_NO, "9990-0000-0000", "E01170006"),
                row(IdPassParams.CARD_NO, "999000000000000a", "E01170006"),

                // ApprovalNo: ◎ CHAR 16
                row(IdPassParams.APPROVAL_NO, null, "E01250008"),
                row(IdPassParams.APPROVAL_NO, "1234", ""),
                row(IdPassParams.APPROVAL_NO, "1".repeat(17), "E01250008"),

                // CarryInfo: optional CHAR 34
                row(IdPassParams.CARRY_INFO, "CARRY-1", ""),
                row(IdPassParams.CARRY_INFO, "C".repeat(35), "JP1000036"),
                row(IdPassParams.CARRY_INFO, "a&b", "JP1000036"),

                // PayType: ◎ CHAR 2 (14 = JCBプリカ)
                row(IdPassParams.PAY_TYPE, "14", ""),
                row(IdPassParams.PAY_TYPE, null, "M01051001"),
                row(IdPassParams.PAY_TYPE, "", "M01051001"),
                row(IdPassParams.PAY_TYPE, "140", "M01051005"),
                row(IdPassParams.PAY_TYPE, "ab", "M01051011"));
    }

    /** Each row goes through the request as the endpoints read it (an empty value counts as not sent). */
    @ParameterizedTest
    @MethodSource("rows")
    void parameterRule(Param param, String value, String expectedErrInfo) {
        Map<String, String> parameters = new HashMap<>();
        if (value != null) {
            parameters.put(param.name(), value);
        }
        List<IdPassError> errors = new ParamTable(param).check(new IdPassRequest(parameters));

        if (expectedErrInfo.isEmpty()) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(IdPassError::errInfo).containsExactly(expectedErrInfo);
            assertThat(errors.getFirst().errCode()).isEqualTo(expectedErrInfo.substring(0, 3));
        }
    }

    /** Every parameter of every table (the constants of IdPassParams). */
    static Stream<Arguments> everyParameter() {
        return java.util.Arrays.stream(IdPassParams.class.getDeclaredFields())
                .filter(f -> f.getType() == Param.class)
                .map(f -> {
                    try {
                        f.setAccessible(true);
                        Param param = (Param) f.get(null);
                        return argumentSet(f.getName() + " (" + param.name() + ")", param);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /**
     * Regression: {@code ShopID=%00} answered E91099999 (U+0000 went on to a query and PostgreSQL refused it). A
     * control character is outside every parameter's character set — even Version's "anything" — and gets that
     * parameter's bad-characters code, whatever its pattern says.
     */
    @ParameterizedTest
    @MethodSource("everyParameter")
    void controlCharactersAreBadCharactersForEveryParameter(Param param) {
        for (String value : new String[] {"\u0000", "1\u0000", "\u0001", "1\u001F", "1\u007F"}) {
            List<IdPassError> errors = param.check(value);
            assertThat(errors).as(param.name() + " " + value.codePoints().boxed().toList())
                    .extracting(IdPassError::errInfo).containsExactly(param.badCharsCode());
        }
    }

    @Test
    void fiftyFullWidthCharactersAreExactlyOneHundredBytes() {
        assertThat(FULL_WIDTH_50.getBytes(IdPassCodec.WINDOWS_31J)).hasSize(100);
        assertThat(IdPassParams.CLIENT_FIELD1.maxBytes()).isEqualTo(100);
    }

    @Test
    void paramTableReportsEveryErrorInTableOrderNotArrivalOrder() {
        var entryTable = new ParamTable(IdPassParams.ORDER_ID_M, IdPassParams.AMOUNT, IdPassParams.TAX);
        Map<String, String> arrival = new LinkedHashMap<>();
        arrival.put("Tax", "x");
        arrival.put("Amount", "0");
        arrival.put("OrderID", "ab_c");

        assertThat(entryTable.check(new IdPassRequest(arrival))).extracting(IdPassError::errInfo)
                .containsExactly("M01004013", "M01005011", "M01006006");
    }

    @Test
    void execTableReportsMissingTooLongAndBadCharactersTogether() {
        var execTable = new ParamTable(IdPassParams.ACCESS_ID_M, IdPassParams.ACCESS_PASS_M, IdPassParams.ORDER_ID_M,
                IdPassParams.CARD_NO, IdPassParams.APPROVAL_NO, IdPassParams.CLIENT_FIELD1, IdPassParams.CLIENT_FIELD2,
                IdPassParams.CLIENT_FIELD3, IdPassParams.CARRY_INFO);
        Map<String, String> arrival = new LinkedHashMap<>();
        arrival.put("ClientField3", "ｱ");
        arrival.put("CardNo", "12-34");
        arrival.put("OrderID", "o".repeat(28));
        arrival.put("AccessPass", "0123456789abcdef0123456789abcdef");
        arrival.put("ApprovalNo", "1234");
        arrival.put("ClientField1", "あ".repeat(51));

        List<IdPassError> errors = execTable.check(new IdPassRequest(arrival));

        assertThat(errors).extracting(IdPassError::errInfo)
                .containsExactly("M01007001", "M01004012", "E01170006", "M01039012", "M01041013");
        assertThat(errors).extracting(IdPassError::errCode).containsExactly("M01", "M01", "E01", "M01", "M01");
    }

    @Test
    void paramTableAcceptsAValidRequest() {
        var entryTable = new ParamTable(IdPassParams.ORDER_ID_M, IdPassParams.AMOUNT, IdPassParams.TAX);
        Map<String, String> arrival = new LinkedHashMap<>();
        arrival.put("OrderID", "order-1");
        arrival.put("Amount", "1000");
        arrival.put("Unknown", "ignored");

        assertThat(entryTable.check(new IdPassRequest(arrival))).isEmpty();
    }
}
