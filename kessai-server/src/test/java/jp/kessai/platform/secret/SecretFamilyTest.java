package jp.kessai.platform.secret;

import static jp.kessai.platform.secret.SecretPrinting.assertNeverPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What holds for every member of the family, including any added later. */
class SecretFamilyTest {

    private static final String CLEAR = "4111111111111111";

    @Test
    void theFamilyIsTheFiveKindsOfSecretThatTravel() {
        assertThat(members()).containsExactlyInAnyOrder(CardNumber.class,
                SecurityCode.class, Password.class, AccessPass.class, ApprovalNumber.class);
    }

    @Test
    void everyMemberMasksItsValueAndExposesItOnlyThroughExpose() throws ReflectiveOperationException {
        for (Class<?> member : members()) {
            Secret secret = (Secret) member.getConstructor(String.class).newInstance(CLEAR);

            assertThat(secret.expose()).as(member.getSimpleName()).isEqualTo(CLEAR);
            assertNeverPrinted(secret, CLEAR);
            assertThat(member.isRecord()).as("%s is no record: a record would add a second accessor",
                    member.getSimpleName()).isFalse();
            assertThat(Arrays.stream(member.getMethods()).filter(m -> m.getReturnType() == String.class
                    && m.getParameterCount() == 0).map(m -> m.getName()))
                    .as("%s: the String-returning methods", member.getSimpleName())
                    .isSubsetOf("expose", "toString", "masked");
        }
    }

    @Test
    void secretsOfDifferentKindsWithTheSameValueAreNotEqual() {
        assertThat(new SecurityCode("123")).isEqualTo(new SecurityCode("123")).isNotEqualTo(new SecurityCode("124"))
                .isNotEqualTo(new Password("123")).hasSameHashCodeAs(new SecurityCode("123"));
    }

    /** The concrete secrets: the sealed family's leaves (a sealed intermediate class shares their code). */
    private static List<Class<?>> members() {
        List<Class<?>> leaves = new ArrayList<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(Secret.class.getPermittedSubclasses()));
        while (!open.isEmpty()) {
            Class<?> next = open.pop();
            if (next.isSealed()) {
                open.addAll(List.of(next.getPermittedSubclasses()));
            } else {
                leaves.add(next);
            }
        }
        return leaves;
    }

    @Test
    void theCheckCatchesASecretCarriedAsAPlainString() {
        record Leaky(String cardNumber) {}

        assertThatThrownBy(() -> assertNeverPrinted(new Leaky(CLEAR), CLEAR)).isInstanceOf(AssertionError.class);
    }
}
