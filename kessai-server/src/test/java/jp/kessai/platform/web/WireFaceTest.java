package jp.kessai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one decision of which face a path belongs to, read against docs/compatibility.md. */
class WireFaceTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/payment/EntryTranJcbPreca.idPass,            IDPASS",
            "/payment/EntryTranJcbPreca.idPass/,           IDPASS",
            "/payment/../payment/EntryTranJcbPreca.idPass, IDPASS",
            "//payment/EntryTranJcbPreca.idPass,           IDPASS",
            "/payment/./Nothing.idPass,                    IDPASS",
            "/payment/NetCashStart.idPass,                 IDPASS",
            "/payment/netcash/result/abc,                  IDPASS",
            "/payment/EntryTranJcbPreca%00.idPass,         IDPASS",
            "/payment;x=1/EntryTranJcbPreca.idPass,        IDPASS",
            "/payment,                                     OPENAPI",
            "/sandbox/card/faults,                         SANDBOX",
            "/sandbox,                                     SANDBOX",
            "//sandbox/shops,                              SANDBOX",
            "/credit/charge,                               OPENAPI",
            "//credit/charge,                              OPENAPI",
            "/token,                                       OPENAPI",
            "/,                                            OPENAPI",
            "/nothing/here,                                OPENAPI",
            "/actuator/nothing,                            OPENAPI",
            "/sandbox/../payment/X.idPass,                 IDPASS",
            "/payment/../../sandbox/x,                     SANDBOX",
            "/paymentX/a,                                  OPENAPI"
    })
    void pathsBelongToTheirFace(String path, WireFace face) {
        assertThat(WireFace.of(path)).isEqualTo(face);
    }

    @ParameterizedTest(name = "{0} is normalised to {1}")
    @CsvSource({
            "//credit//charge,     /credit/charge",
            "/a/./b/../c,          /a/c",
            "/../../a,             /a",
            "/a/b/,                /a/b/",
            "/a;jsessionid=1/b,    /a/b",
            "/a?x=/payment/,       /a"
    })
    void normalisationOnlyServesTheDecision(String raw, String normalised) {
        assertThat(WireFace.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"''", "NULL"}, nullValues = "NULL")
    void nothingAtAllIsOpenApi(String path) {
        assertThat(WireFace.of(path)).isEqualTo(WireFace.OPENAPI);
    }
}
