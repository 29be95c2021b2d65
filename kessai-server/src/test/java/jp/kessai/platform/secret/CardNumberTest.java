package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Card numbers travel masked: logs show at most the last four digits, and only of numbers of card length. */
class CardNumberTest {

    private static final String VISA = "4111111111111111";
    private static final String PRECA = "9990000000000001";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "9990000000000001,                 ************0001",
            "99912345678901234567890123456789, ****************************6789",
            "12345,                            *2345",
            "1234,                             1234",
            "12,                               12"
    })
    void maskedKeepsOnlyTheLastFourDigitsAsTheFacesHaveAlwaysShownThem(String digits, String masked) {
        CardNumber card = new CardNumber(digits);

        assertThat(card.masked()).isEqualTo(masked).hasSameSizeAs(digits);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            "4111111111111111, ************1111",
            "378282246310005,  ***********0005",
            "999000000001,     ********0001",
            "12345678901,      ***********",
            "1234,             ****",
            "1,                *"
    })
    void toStringShowsTheLastFourOnlyWhenAtLeastEightDigitsStayHidden(String digits, String printed) {
        assertThat(new CardNumber(digits).toString()).isEqualTo(printed);
    }

    @Test
    void exposeReturnsTheDigits() {
        assertThat(new CardNumber(VISA).expose()).isEqualTo(VISA);
        assertThat(new CardNumber(VISA).length()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {VISA, PRECA, "12345678", "99912345678901234567890123456789"})
    void neitherTheNumberNorItsFirstSixDigitsArePrintedAloneOrInAnyContainer(String digits) {
        CardNumber card = new CardNumber(digits);
        for (Object holder : SecretPrinting.containers(card)) {
            assertNeverPrinted(holder, digits);
            assertNeverPrinted(holder, digits.substring(0, Math.min(6, digits.length() - 1)));
        }
    }

    @Test
    void theCommandsThatCarryACardNumberNeverPrintIt() {
        CardNumber visa = new CardNumber(VISA);
        CardNumber preca = new CardNumber(PRECA);
        List<Object> carriers = new ArrayList<>(List.of(
                SecretPrinting.creditCharge(visa, new SecurityCode("123")),
                SecretPrinting.authorization(visa, new SecurityCode("123"))));
        for (Object carrier : carriers) {
            assertNeverPrinted(carrier, VISA);
            assertThat(carrier.toString()).contains("************1111");
        }
        var exec = SecretPrinting.jcbPrecaExec(new AccessPass("f0e1d2c3b4a5968778695a4b3c2d1e0f"), preca,
                new ApprovalNumber("1234"));
        assertNeverPrinted(exec, PRECA);
        assertThat(exec.toString()).contains("************0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111-1111-1111-1111", "", "411111111111111a", "４１１１１１１１１１１１１１１１",
            "999123456789012345678901234567890"})
    void onlyOneToThirtyTwoAsciiDigitsAreACardNumberAndTheRefusalNeverEchoesThem(String notANumber) {
        assertThatThrownBy(() -> new CardNumber(notANumber)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a card number is 1 to 32 digits");
        assertThatThrownBy(() -> new CardNumber(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalNumbersAreEqual() {
        assertThat(new CardNumber(VISA)).isEqualTo(new CardNumber(VISA)).hasSameHashCodeAs(new CardNumber(VISA))
                .isNotEqualTo(new CardNumber(PRECA)).isNotEqualTo(VISA);
    }

    /** Issue 9 finding 8: 4111111111111112 was approved. Every documented credit test card passes. */
    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "3530111333300000", "378282246310005",
            "36148900647913", "4000000000000002", "4000000000009995", "4000000000009987", "4000000000000119",
            "4000000000000259", "4000000000000267", "4000000000000408", "0", "18", "79927398713"})
    void numbersWithTheirLuhnCheckDigitPass(String digits) {
        assertThat(new CardNumber(digits).passesLuhnCheck()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111111111111110", "5555555555554440", "378282246310006", "1",
            "79927398710", "9990000000000001"})
    void numbersWithAWrongCheckDigitFail(String digits) {
        assertThat(new CardNumber(digits).passesLuhnCheck()).isFalse();
    }

    @Test
    void everySingleDigitTypoAndAnAdjacentSwapAreCaught() {
        String valid = "4111111111111111";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThat(new CardNumber(typo).passesLuhnCheck()).as(typo).isFalse();
                }
            }
        }
        assertThat(new CardNumber("5555555555545444").passesLuhnCheck()).as("5555555555554444 with 5 and 4 swapped").isFalse();
    }
}
