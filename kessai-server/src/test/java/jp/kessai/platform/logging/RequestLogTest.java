package jp.kessai.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class RequestLogTest {

    @ParameterizedTest
    @CsvSource({
            "/payment/ExecTranJcbPreca.idPass, idpass",
            "/payment/netcash/result/abc, idpass",
            "/credit/charge, openapi",
            "/3ds/token, openapi",
            "/nothing, openapi",
            "/sandbox, sandbox",
            "/sandbox/clock, sandbox",
            "/simulator/netcash/s1/pay, netcash-simulator",
            "/simulator/acs/challenge/x, acs-simulator",
            "/admin/keys/rotate, admin",
            "/payment/CreateToken.json, mptoken",
            "/payment/js/mp-token.js, mptoken"})
    void theFaceComesFromThePath(String path, String face) {
        assertThat(RequestLog.face(path)).isEqualTo(face);
    }

    @Test
    void aFaceEntryMakesTheLine() {
        var request = new MockHttpServletRequest("POST", "/payment/ExecTranJcbPreca.idPass");
        var entry = new RequestLog.Entry().face("idpass").endpoint("ExecTranJcbPreca").shop("tshop00000001")
                .order("ord-1").result("JP1000001", "Insufficient balance");
        assertThat(RequestLog.line(entry, request, 200, 12)).isEqualTo("face=idpass endpoint=ExecTranJcbPreca "
                + "shop=tshop00000001 order=ord-1 result=JP1000001 meaning=\"Insufficient balance\" status=200 duration=12ms");
    }

    @Test
    void withoutAFaceEntryTheLineHasThePatternTheShopVariableAndTheStatus() {
        var request = new MockHttpServletRequest("POST", "/sandbox/shops/tshop00000001/settings");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/sandbox/shops/{shopId}/settings");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("shopId", "tshop00000001"));
        assertThat(RequestLog.line(new RequestLog.Entry(), request, 404, 3)).isEqualTo("face=sandbox "
                + "endpoint=/sandbox/shops/{shopId}/settings shop=tshop00000001 order=- result=404 meaning=\"Not Found\" "
                + "status=404 duration=3ms");
        assertThat(RequestLog.line(new RequestLog.Entry(), new MockHttpServletRequest("GET", "/x"), 404, 1))
                .contains("endpoint=unmatched");
    }

    @Test
    void valuesAreBoundedPrintableAndCardNumbersMasked() {
        assertThat(RequestLog.safe("a b\r\nc\"d")).isEqualTo("a?b??c?d");
        assertThat(RequestLog.safe("x".repeat(100))).hasSize(RequestLog.MAX_VALUE_CHARS);
        assertThat(RequestLog.safe(null)).isEqualTo("-");
        assertThat(RequestLog.safe("o-4111111111111111")).isEqualTo("o-************1111");
        // a long digit run that fails the check digit is an ordinary id
        assertThat(RequestLog.safe("o-4111111111111112")).isEqualTo("o-4111111111111112");
        assertThat(RequestLog.text("a \"quoted\"\nline")).isEqualTo("a ?quoted??line");
    }
}
