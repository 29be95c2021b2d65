package jp.kessai.processor.threeds.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.processor.card.CardBrand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulated issuers' answers, one row per documented scenario (docs/test-cards.md). */
class ThreeDsRulesTest {

    @ParameterizedTest(name = "{0} {1} requiresChallenge={2} → {3} eci {4} reason {5}")
    @CsvSource(nullValues = "-", value = {
            "FRICTIONLESS, VISA, false, Y, 05, 18",
            "FRICTIONLESS, MASTERCARD, false, Y, 02, 18",
            "FRICTIONLESS, JCB, true, C, -, -",
            "CHALLENGE, VISA, false, C, -, -",
            "ACS_TIMEOUT, VISA, false, C, -, -",
            "ATTEMPT, VISA, false, A, 06, 13",
            "ATTEMPT, MASTERCARD, false, A, 01, 13",
            "NOT_AUTHENTICATED, VISA, false, N, 07, 01",
            "UNAVAILABLE_AT_ACS, VISA, false, U, 07, 09",
            "REJECTED, MASTERCARD, false, R, 00, 11"})
    void authenticationRequests(ThreeDsScenario scenario, CardBrand brand, boolean requiresChallenge, String status,
            String eci, String reason) {
        assertThat(ThreeDsRules.authenticate(scenario, brand, requiresChallenge))
                .isEqualTo(new ThreeDsRules.Result(status, eci, reason));
    }

    @ParameterizedTest
    @CsvSource({"VISA, 07", "MASTERCARD, 00"})
    void challengesThatEndBadly(CardBrand brand, String eci) {
        assertThat(ThreeDsRules.challengeExhausted(brand)).isEqualTo(new ThreeDsRules.Result("N", eci, "19"));
        assertThat(ThreeDsRules.challengeTimedOut(brand)).isEqualTo(new ThreeDsRules.Result("N", eci, "14"));
        assertThat(ThreeDsRules.challengeCancelled(brand)).isEqualTo(new ThreeDsRules.Result("N", eci, "01"));
    }

    @ParameterizedTest
    @CsvSource({"4000000000003063, CHALLENGE", "5200000000003055, ATTEMPT", "4000000000003071, NOT_ENROLLED",
            "4000000000003121, SERVER_UNAVAILABLE"})
    void documentedTestCards(String card, ThreeDsScenario scenario) {
        assertThat(ThreeDsTestCards.SCENARIOS.get(card)).isEqualTo(scenario);
    }
}
