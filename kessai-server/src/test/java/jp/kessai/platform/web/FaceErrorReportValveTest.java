package jp.kessai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a status Tomcat set by itself means for the face that answers it. */
class FaceErrorReportValveTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "400, /credit/charge,       REJECTED_HEADERS",
            "400, /credit/charge%00,    NOT_FOUND",
            "400, /credit%2Fcharge,     NOT_FOUND",
            "400, /credit%5ccharge,     NOT_FOUND",
            "400, /credit\\charge,      NOT_FOUND",
            "400, /credit/charge%zz,    NOT_FOUND",
            "400, /credit/charge%4,     NOT_FOUND",
            "400, '',                   NOT_FOUND",
            "405, /credit/charge,       METHOD_NOT_ALLOWED",
            "404, /x,                   NOT_FOUND",
            "413, /x,                   BODY_TOO_LARGE",
            "500, /x,                   SERVER_ERROR",
            "503, /x,                   UNAVAILABLE",
            "505, /x,                   UNREADABLE",
            "501, /x,                   REJECTED_HEADERS"
    })
    void statusAndTargetGiveTheRefusal(int status, String rawPath, Refusal refusal) {
        assertThat(FaceErrorReportValve.refusal(status, rawPath)).isEqualTo(refusal);
    }
}
