package jp.kessai.processor.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Brands by BIN range, and a PAN that never prints itself. */
class CardRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4111111111111111, VISA", "5555555555554444, MASTERCARD", "2221000000000009, MASTERCARD",
            "3530111333300000, JCB", "378282246310005, AMEX", "341111111111111, AMEX", "36148900647913, DINERS",
            "30569309025904, DINERS", "6011111111111117, UNKNOWN"})
    void brands(String pan, CardBrand brand) {
        assertThat(new Pan(pan).brand()).isEqualTo(brand);
    }

    @Test
    void aPanIsMaskedEverywhereItPrints() {
        Pan pan = new Pan("4111111111111111");
        assertThat(pan.toString()).isEqualTo("************1111").doesNotContain("411111");
        assertThat(new CardAcquirer.Authorization(pan, "06", "2033", "123", 100, false, "ONE_TIME", null, "0000990")
                .toString()).doesNotContain("4111111111111111").doesNotContain("123,");
        assertThatThrownBy(() -> new Pan("4111-1111")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("4111");
    }
}
