package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.jcbpreca.PrecaReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protocol type's wire format against golden files in {@code src/test/resources/idpass/}. The files hold the
 * exact bytes on the wire: requests are ASCII (Windows-31J percent-encoded), responses are raw Windows-31J, no
 * trailing newline. Regenerate a response file with e.g. {@code python3 -c "open(f,'wb').write(s.encode('cp932'))"}.
 */
class IdPassCodecTest {

    private static final String ACCESS_ID = "0123456789abcdef0123456789abcdef";
    private static final String ACCESS_PASS = "fedcba9876543210fedcba9876543210";

    // --- (a) request parsing ---------------------------------------------------------------------------------

    @Test
    void decodesAModuleClientsRequestWithFullWidthClientFields() {
        IdPassRequest request = IdPassCodec.decode(golden("ExecTranJcbPreca-request-fullwidth-clientfield.txt"));

        assertThat(request.parameters()).containsExactly(
                Map.entry("ShopID", "tshop00000001"),
                Map.entry("ShopPass", "pass1234"),
                Map.entry("AccessID", ACCESS_ID),
                Map.entry("AccessPass", ACCESS_PASS),
                Map.entry("OrderID", "order-0001"),
                Map.entry("CardNo", "9990000000000001"),
                Map.entry("ApprovalNo", "1234"),
                Map.entry("ClientField1", "日本語"),
                Map.entry("ClientField2", "お買い上げ№１ No.1"),
                Map.entry("ClientField3", ""),
                Map.entry("CarryInfo", "CARRY-1"));
        assertThat(request.get("ClientField3")).as("empty counts as not set").isNull();
        assertThat(request.toString()).as("values never printed").doesNotContain("9990000000000001", "pass1234");
    }

    @Test
    void goldenRequestIsPercentEncodedWindows31J() {
        String body = new String(golden("ExecTranJcbPreca-request-fullwidth-clientfield.txt"), StandardCharsets.US_ASCII);
        assertThat(body).contains("ClientField1=%93%FA%96%7B%8C%EA").doesNotContain("\n");
    }

    // --- (b) response rendering ------------------------------------------------------------------------------

    @Test
    void rendersEntryTranJcbPrecaSuccess() {
        var response = IdPassResponse.ok().put("AccessID", ACCESS_ID).put("AccessPass", ACCESS_PASS);

        assertThat(IdPassCodec.encode(response)).isEqualTo(golden("EntryTranJcbPreca-success.txt"));
    }

    @Test
    void rendersExecTranJcbPrecaSuccess() {
        var response = IdPassResponse.ok()
                .put("OrderID", "order-0001")
                .put("Status", "SALES")
                .put("Amount", 1000)
                .put("Tax", 80)
                .put("BeforeBalance", 5000)
                .put("AfterBalance", 3920);
        WireFormats.putCardState(response, new PrecaReport.Card(1, 0, 0, 0, LocalDate.of(2099, 12, 31), "0001"));

        assertThat(IdPassCodec.encode(response)).isEqualTo(golden("ExecTranJcbPreca-success.txt"));
    }

    @Test
    void rendersTheSeedsMultipleErrorExample() {
        var response = IdPassResponse.errors(List.of(
                new IdPassError("M01002001"), new IdPassError("M01002002"), new IdPassError("M01004001")));

        assertThat(IdPassCodec.encode(response)).isEqualTo(golden("EntryTranJcbPreca-seed-example-errors.txt"));
        assertThat(response.httpStatus()).isEqualTo(200);
    }

    @Test
    void rendersSearchTradeMultiWithFullWidthClientFieldAsWindows31J() {
        var response = IdPassResponse.ok()
                .put("Status", "SALES")
                .put("ProcessDate", WireFormats.processDate(Instant.parse("2026-05-20T03:34:56Z")))
                .put("JobCd", "SALES")
                .put("AccessID", ACCESS_ID)
                .put("AccessPass", ACCESS_PASS)
                .put("Amount", 1000)
                .put("Tax", 80)
                .put("CardNo", new CardNumber("9990000000000001").masked())
                .put("ClientField1", "お買い上げ№１")
                .put("ClientField2", "日本語 テスト=済")
                .put("ClientField3", null)
                .put("PayType", WireFormats.payType(PaymentMethod.JCB_PRECA))
                .put("JcbPrecaSalesCode", "00000000000000000001");

        byte[] encoded = IdPassCodec.encode(response);

        assertThat(encoded).isEqualTo(golden("SearchTradeMulti-fullwidth-clientfield-sales.txt"));
        // № is an NEC special character: 0x8782 in Windows-31J, absent from plain Shift_JIS
        assertThat(indexOf(encoded, new byte[] {(byte) 0x87, (byte) 0x82})).isPositive();
    }

    // --- (c) round trips -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"日本語", "お買い上げ№１ No.1", "ｶﾅ と ～ と －", "a=b+c%d", "①Ⅹ㈱"})
    void aClientFieldEncodedByURLEncoderInWindows31JDecodesToTheOriginal(String value) {
        String body = "OrderID=o-1&ClientField1=" + URLEncoder.encode(value, IdPassCodec.WINDOWS_31J) + "&Amount=1";

        IdPassRequest request = IdPassCodec.decode(body.getBytes(StandardCharsets.US_ASCII));

        assertThat(request.get("ClientField1")).isEqualTo(value);
        assertThat(request.get("OrderID")).isEqualTo("o-1");
        assertThat(request.get("Amount")).isEqualTo("1");
    }

    @Test
    void renderedResponsesSplitBackIntoTheSameFields() {
        var response = IdPassResponse.ok()
                .put("OrderID", "order-0001")
                .put("ClientField1", "お買い上げ№１")
                .put("ClientField2", "a=b=c 全角")
                .put("ClientField3", "")
                .withErrors(List.of(new IdPassError("JP1000001"), new IdPassError("E01040010")));

        List<Map.Entry<String, String>> parsed = splitLikeAClient(IdPassCodec.encode(response));

        assertThat(parsed).isEqualTo(response.fields());
        assertThat(parsed).contains(Map.entry("ErrCode", "JP1|E01"), Map.entry("ErrInfo", "JP1000001|E01040010"));
    }

    @Test
    void goldenResponsesSplitBackLikeAClientReadsThem() {
        assertThat(splitLikeAClient(golden("SearchTradeMulti-fullwidth-clientfield-sales.txt")))
                .contains(Map.entry("ClientField1", "お買い上げ№１"), Map.entry("ClientField2", "日本語 テスト=済"),
                        Map.entry("ClientField3", ""), Map.entry("ProcessDate", "20260520123456"));
    }

    // --- (d) edge cases --------------------------------------------------------------------------------------

    @Test
    void theFirstOccurrenceOfADuplicateParameterWins() {
        IdPassRequest request = decode("OrderID=first&Amount=1&OrderID=second");

        assertThat(request.get("OrderID")).isEqualTo("first");
        assertThat(request.parameters()).containsOnlyKeys("OrderID", "Amount");
    }

    @Test
    void plusDecodesToSpace() {
        assertThat(decode("ClientField1=a+b++c").get("ClientField1")).isEqualTo("a b  c");
        assertThat(decode("ClientField1=a%2Bb").get("ClientField1")).isEqualTo("a+b");
    }

    @Test
    void aMalformedPercentSequenceIsKeptLiterally() {
        IdPassRequest request = decode("ClientField1=100%&ClientField2=%zz&ClientField3=%4&OrderID=o-1");

        assertThat(request.get("ClientField1")).isEqualTo("100%");
        assertThat(request.get("ClientField2")).isEqualTo("%zz");
        assertThat(request.get("ClientField3")).isEqualTo("%4");
        assertThat(request.get("OrderID")).as("the rest of the body still decodes").isEqualTo("o-1");
    }

    @Test
    void emptyPairsAndNamesWithoutValuesAreTolerated() {
        IdPassRequest request = decode("&&Version&OrderID=o-1&");

        assertThat(request.parameters()).containsExactly(Map.entry("Version", ""), Map.entry("OrderID", "o-1"));
        assertThat(request.get("Version")).isNull();
    }

    /**
     * PHP's urlencode and browsers percent-encode byte by byte and leave ASCII letters alone, so a double-byte
     * character whose second byte is a letter arrives half-encoded: テ (0x83 0x65) as "%83e", １ (0x82 0x50) as
     * "%82P". Java's URLDecoder decodes each run of %XX on its own and breaks such characters into U+FFFD.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"%83e%83X%83g, テスト", "%82P, １", "%83A%83C%83e%83%80, アイテム"})
    void perByteEncodedDoubleByteCharactersWithALetterAsSecondByteDecode(String encoded, String expected) {
        assertThat(decode("ClientField1=" + encoded).get("ClientField1")).isEqualTo(expected);
    }

    @Test
    void rawWindows31JBytesAreToleratedLikePercentEncodedOnes() {
        byte[] raw = "OrderID=o-1&ClientField1=お買い上げ№１".getBytes(IdPassCodec.WINDOWS_31J);

        assertThat(IdPassCodec.decode(raw).get("ClientField1")).isEqualTo("お買い上げ№１");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static IdPassRequest decode(String asciiBody) {
        return IdPassCodec.decode(asciiBody.getBytes(StandardCharsets.US_ASCII));
    }

    /** What GMO's module clients do: split on '&', then on the first '=', no URL decoding. */
    private static List<Map.Entry<String, String>> splitLikeAClient(byte[] body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String pair : new String(body, IdPassCodec.WINDOWS_31J).split("&", -1)) {
            int eq = pair.indexOf('=');
            fields.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return fields;
    }

    private static byte[] golden(String name) {
        try (InputStream in = IdPassCodecTest.class.getResourceAsStream("/idpass/" + name)) {
            assertThat(in).as("golden file idpass/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i < haystack.length - needle.length + 1; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
