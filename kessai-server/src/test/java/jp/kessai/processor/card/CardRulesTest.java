package jp.kessai.processor.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Brands by BIN range, and an authorisation that never prints the PAN or the security code. */
class CardRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4111111111111111, VISA", "5555555555554444, MASTERCARD", "2221000000000009, MASTERCARD",
            "3530111333300000, JCB", "378282246310005, AMEX", "341111111111111, AMEX", "36148900647913, DINERS",
            "30569309025904, DINERS", "6011111111111117, UNKNOWN"})
    void brands(String pan, CardBrand brand) {
        assertThat(CardBrand.of(new CardNumber(pan))).isEqualTo(brand);
    }

    @Test
    void anAuthorizationIsMaskedEverywhereItPrints() {
        CardNumber pan = new CardNumber("4111111111111111");
        assertThat(pan.toString()).isEqualTo("************1111").doesNotContain("411111");
        assertThat(new CardAcquirer.Authorization(pan, "06", "2033", new SecurityCode("123"), 100, false, "ONE_TIME",
                null, "0000990").toString()).doesNotContain("4111111111111111").doesNotContain("123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"41111111111", "41111111111111111111", "9990000000000000000000000000001"})
    void theAcquirerTakesOnlyPansOfTwelveToNineteenDigitsAndNeverEchoesThem(String digits) {
        assertThatThrownBy(() -> new CardAcquirer.Authorization(new CardNumber(digits), "06", "2033", null, 100, false,
                "ONE_TIME", null, "0000990")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a PAN is 12 to 19 digits");
    }
}
