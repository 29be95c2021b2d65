package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An AccessPass is never printed, not in the reference a merchant names an order by nor in the order itself.
 */
class AccessPassTest {

    private static final String CLEAR = "f0e1d2c3b4a5968778695a4b3c2d1e0f";

    @Test
    void exposeReturnsTheClearValue() {
        assertThat(new AccessPass(CLEAR).expose()).isEqualTo(CLEAR);
    }

    @Test
    void printsAsTheMaskWhateverItsValue() {
        assertThat(new AccessPass(CLEAR)).hasToString(Secret.MASK);
        assertThat(new AccessPass("x")).hasToString(Secret.MASK);
    }

    @Test
    void neverPrintedAloneOrInAnyContainer() {
        for (Object holder : SecretPrinting.containers(new AccessPass(CLEAR))) {
            assertNeverPrinted(holder, CLEAR);
        }
    }

    @Test
    void theRecordsThatCarryItNeverPrintIt() {
        AccessPass secret = new AccessPass(CLEAR);
        for (Object carrier : List.<Object>of(SecretPrinting.orderRef(secret), SecretPrinting.order(secret),
                SecretPrinting.jcbPrecaExec(secret, new CardNumber("9990000000000001"), new ApprovalNumber("1234")))) {
            assertNeverPrinted(carrier, CLEAR);
        }
    }

    @Test
    void equalValuesAreEqualAndAMissingValueIsRefused() {
        assertThat(new AccessPass(CLEAR)).isEqualTo(new AccessPass(CLEAR)).hasSameHashCodeAs(new AccessPass(CLEAR))
                .isNotEqualTo(new AccessPass(CLEAR + "0")).isNotEqualTo(CLEAR);
        assertThatThrownBy(() -> new AccessPass(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is missing");
    }
}
