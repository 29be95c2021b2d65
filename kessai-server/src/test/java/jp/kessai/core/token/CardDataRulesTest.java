package jp.kessai.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kessai.platform.secret.CardNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokenizer's card checks, one row per result code (docs/openapi.md, "The token endpoint"). */
class CardDataRulesTest {

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4} → {5}")
    @CsvSource(nullValues = "null", value = {
            "4111111111111111, 06, 2033, 123, TARO MIHON, ''",
            "36148900647913, 6, 33, 1234, null, ''",
            "4111111111, 12, 2033, null, null, 101",
            "null, 06, 2033, null, null, 100",
            "'', 06, 2033, null, null, 100",
            "4111 1111 1111 1111, 06, 2033, null, null, 101",
            "4111111111111112, 06, 2033, null, null, 101",
            "411111111, 06, 2033, null, null, 102",
            "41111111111111110, 06, 2033, null, null, 102",
            "4111111111111111, null, 2033, null, null, 110",
            "4111111111111111, 06, null, null, null, 110",
            "4111111111111111, 0x, 2033, null, null, 111",
            "4111111111111111, 006, 2033, null, null, 112",
            "4111111111111111, 06, 203, null, null, 112",
            "4111111111111111, 13, 2033, null, null, 113",
            "4111111111111111, 00, 2033, null, null, 113",
            "4111111111111111, 06, 2033, 12a, null, 121",
            "4111111111111111, 06, 2033, 12, null, 122",
            "4111111111111111, 06, 2033, 12345, null, 122",
            "4111111111111111, 06, 2033, null, 山田, 131",
            "4111111111111111, 06, 2033, null, TARO_MIHON, 131",
            "4111111111111111, 06, 2033, null, AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, 132",
            "4111111111111112, 13, 2033, 1, 山田, 101 113 122 131"})
    void eachViolationHasItsCode(String number, String month, String year, String code, String holder, String expected) {
        List<String> codes = CardDataRules.check(number, month, year, code, holder).stream().map(TokenError::legacyCode).toList();
        assertThat(String.join(" ", codes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111, 411111******1111", "36148900647913, 361489****7913", "4111111111, 41****1111",
            "378282246310005, 378282*****0005"})
    void maskedNumbersShowAtMostSixAndFourDigits(String number, String masked) {
        assertThat(TokenCard.mask(new CardNumber(number))).isEqualTo(masked);
    }
}
