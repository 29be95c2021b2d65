package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prepaid card's approval number (its PIN) is never printed, not in the payment that carries it to the center.
 */
class ApprovalNumberTest {

    private static final String CLEAR = "1234";

    @Test
    void exposeReturnsTheClearValue() {
        assertThat(new ApprovalNumber(CLEAR).expose()).isEqualTo(CLEAR);
    }

    @Test
    void printsAsTheMaskWhateverItsValue() {
        assertThat(new ApprovalNumber(CLEAR)).hasToString(Secret.MASK);
        assertThat(new ApprovalNumber("x")).hasToString(Secret.MASK);
    }

    @Test
    void neverPrintedAloneOrInAnyContainer() {
        for (Object holder : SecretPrinting.containers(new ApprovalNumber(CLEAR))) {
            assertNeverPrinted(holder, CLEAR);
        }
    }

    @Test
    void theRecordsThatCarryItNeverPrintIt() {
        ApprovalNumber secret = new ApprovalNumber(CLEAR);
        for (Object carrier : List.<Object>of(SecretPrinting.jcbPrecaExec(new AccessPass("f0e1d2c3b4a5968778695a4b3c2d1e0f"),
                        new CardNumber("9990000000000001"), secret))) {
            assertNeverPrinted(carrier, CLEAR);
        }
    }

    @Test
    void equalValuesAreEqualAndAMissingValueIsRefused() {
        assertThat(new ApprovalNumber(CLEAR)).isEqualTo(new ApprovalNumber(CLEAR)).hasSameHashCodeAs(new ApprovalNumber(CLEAR))
                .isNotEqualTo(new ApprovalNumber(CLEAR + "0")).isNotEqualTo(CLEAR);
        assertThatThrownBy(() -> new ApprovalNumber(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is missing");
    }
}
