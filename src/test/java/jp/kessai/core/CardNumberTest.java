package jp.kessai.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card numbers travel masked: only the last four digits are ever shown. */
class CardNumberTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "9990000000000001,                 ************0001",
            "99912345678901234567890123456789, ****************************6789",
            "12345,                            *2345",
            "1234,                             1234",
            "12,                               12"
    })
    void maskedKeepsOnlyTheLastFourDigits(String digits, String masked) {
        CardNumber card = new CardNumber(digits);

        assertThat(card.masked()).isEqualTo(masked).hasSameSizeAs(digits);
    }

    @Test
    void toStringNeverContainsTheFullNumber() {
        String digits = "9990123456785678";
        CardNumber card = new CardNumber(digits);

        assertThat(card.toString()).doesNotContain(digits).doesNotContain("99901234").endsWith("5678");
        assertThat(String.valueOf(card)).isEqualTo("************5678");
        assertThat("card=" + card).doesNotContain(digits);
    }

    @Test
    void theDigitsStayAvailableToTheCodeThatNeedsThem() {
        assertThat(new CardNumber("9990000000000001").digits()).isEqualTo("9990000000000001");
    }
}
