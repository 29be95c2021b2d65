package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kessai.core.ResultCode;
import jp.kessai.face.idpass.IdPassResultCodes.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The one table from core result codes to idpass ErrInfo codes. */
class IdPassResultCodesTest {

    @ParameterizedTest
    @EnumSource(value = ResultCode.class, mode = EnumSource.Mode.EXCLUDE, names = "OK")
    void everyErrorMapsToANineCharacterCodeInBothFamilies(ResultCode code) {
        for (Family family : Family.values()) {
            IdPassError error = IdPassResultCodes.of(code, family);
            assertThat(error.errInfo()).as("%s in %s", code, family).hasSize(9).matches("[A-Z0-9]{9}");
            assertThat(error.errInfo()).startsWith(error.errCode());
            assertThat(error.errCode()).hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
            "SHOP_AUTH_FAILED,   M01002002, E01030002",
            "SYSTEM_ERROR,       M91099999, E91099999",
            "CARD_INSUFFICIENT_BALANCE, JP1000001, JP1000001",
            "CANCEL_WINDOW_PASSED,      JP1000022, JP1000022",
            "PROCESSOR_OUTCOME_UNKNOWN, JP1000049, JP1000049",
            "CARD_NUMBER_CHECK_DIGIT,   E41170099, E41170099"
    })
    void knownCodes(ResultCode code, String multiPayment, String common) {
        assertThat(IdPassResultCodes.of(code, Family.MULTI_PAYMENT).errInfo()).isEqualTo(multiPayment);
        assertThat(IdPassResultCodes.of(code, Family.COMMON).errInfo()).isEqualTo(common);
    }

    @ParameterizedTest
    @EnumSource(value = ResultCode.class, mode = EnumSource.Mode.EXCLUDE, names = {"OK", "SYSTEM_ERROR"})
    void familiesUseTheirOwnPrefixForNonCenterCodes(ResultCode code) {
        String multi = IdPassResultCodes.of(code, Family.MULTI_PAYMENT).errInfo();
        String common = IdPassResultCodes.of(code, Family.COMMON).errInfo();
        if (!multi.equals(common)) {
            assertThat(multi).as("multi-payment family").startsWith("M01");
            assertThat(common).as("common family").startsWith("E01");
        }
    }

    @Test
    void okIsNotAnError() {
        for (Family family : Family.values()) {
            assertThatThrownBy(() -> IdPassResultCodes.of(ResultCode.OK, family)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
