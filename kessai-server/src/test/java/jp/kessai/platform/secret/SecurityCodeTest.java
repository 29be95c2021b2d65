package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A card's security code is never printed, not even inside the charge that carries it to the acquirer. */
class SecurityCodeTest {

    private static final String CLEAR = "123";

    @Test
    void exposeReturnsTheClearValue() {
        assertThat(new SecurityCode(CLEAR).expose()).isEqualTo(CLEAR);
    }

    @Test
    void printsAsTheMaskWhateverItsValue() {
        assertThat(new SecurityCode(CLEAR)).hasToString(Secret.MASK);
        assertThat(new SecurityCode("x")).hasToString(Secret.MASK);
    }

    @Test
    void neverPrintedAloneOrInAnyContainer() {
        for (Object holder : SecretPrinting.containers(new SecurityCode(CLEAR))) {
            assertNeverPrinted(holder, CLEAR);
        }
    }

    @Test
    void theRecordsThatCarryItNeverPrintIt() {
        SecurityCode secret = new SecurityCode(CLEAR);
        for (Object carrier : List.<Object>of(SecretPrinting.creditCharge(new CardNumber("4111111111111111"), secret),
                SecretPrinting.authorization(new CardNumber("4111111111111111"), secret))) {
            assertNeverPrinted(carrier, CLEAR);
        }
    }

    @Test
    void equalValuesAreEqualAndAMissingValueIsRefused() {
        assertThat(new SecurityCode(CLEAR)).isEqualTo(new SecurityCode(CLEAR)).hasSameHashCodeAs(new SecurityCode(CLEAR))
                .isNotEqualTo(new SecurityCode(CLEAR + "0")).isNotEqualTo(CLEAR);
        assertThatThrownBy(() -> new SecurityCode(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is missing");
    }
}
