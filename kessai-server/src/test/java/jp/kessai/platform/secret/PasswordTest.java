package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A shop password is never printed. */
class PasswordTest {

    private static final String CLEAR = "s3cretPW";

    /** A ShopID:ShopPass pair as a face reads it from a request. */
    private record ShopLogin(String shopId, Password shopPass) {}

    @Test
    void exposeReturnsTheClearValue() {
        assertThat(new Password(CLEAR).expose()).isEqualTo(CLEAR);
    }

    @Test
    void printsAsTheMaskWhateverItsValue() {
        assertThat(new Password(CLEAR)).hasToString(Secret.MASK);
        assertThat(new Password("x")).hasToString(Secret.MASK);
    }

    @Test
    void neverPrintedAloneOrInAnyContainer() {
        for (Object holder : SecretPrinting.containers(new Password(CLEAR))) {
            assertNeverPrinted(holder, CLEAR);
        }
    }

    @Test
    void theRecordsThatCarryItNeverPrintIt() {
        Password secret = new Password(CLEAR);
        for (Object carrier : List.<Object>of(new ShopLogin("tshop00000001", secret))) {
            assertNeverPrinted(carrier, CLEAR);
        }
    }

    @Test
    void equalValuesAreEqualAndAMissingValueIsRefused() {
        assertThat(new Password(CLEAR)).isEqualTo(new Password(CLEAR)).hasSameHashCodeAs(new Password(CLEAR))
                .isNotEqualTo(new Password(CLEAR + "0")).isNotEqualTo(CLEAR);
        assertThatThrownBy(() -> new Password(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is missing");
    }
}
