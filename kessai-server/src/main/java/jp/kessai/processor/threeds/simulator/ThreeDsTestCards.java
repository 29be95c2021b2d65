package jp.kessai.processor.threeds.simulator;

import java.util.Map;

/**
 * The 3DS simulator's documented test cards (docs/test-cards.md). Every other card number authenticates
 * frictionlessly, so the acquirer's test cards (approving, declining, …) work with useTds2=true as they do without.
 * The one-time password of every challenge is {@link #ONE_TIME_PASSWORD}.
 */
public final class ThreeDsTestCards {

    public static final String ONE_TIME_PASSWORD = "123456";
    /** Wrong passwords the ACS accepts before it fails the challenge. */
    public static final int CHALLENGE_TRIES = 3;

    public static final String CHALLENGE = "4000000000003063";
    public static final String CHALLENGE_MASTERCARD = "5200000000003063";
    public static final String ATTEMPT = "4000000000003055";
    public static final String ATTEMPT_MASTERCARD = "5200000000003055";
    public static final String NOT_AUTHENTICATED = "4000000000003089";
    public static final String UNAVAILABLE_AT_ACS = "4000000000003097";
    public static final String REJECTED = "4000000000003105";
    public static final String NOT_ENROLLED = "4000000000003071";
    public static final String ACS_TIMEOUT = "4000000000003113";
    public static final String SERVER_UNAVAILABLE = "4000000000003121";

    static final Map<String, ThreeDsScenario> SCENARIOS = Map.of(
            CHALLENGE, ThreeDsScenario.CHALLENGE,
            CHALLENGE_MASTERCARD, ThreeDsScenario.CHALLENGE,
            ATTEMPT, ThreeDsScenario.ATTEMPT,
            ATTEMPT_MASTERCARD, ThreeDsScenario.ATTEMPT,
            NOT_AUTHENTICATED, ThreeDsScenario.NOT_AUTHENTICATED,
            UNAVAILABLE_AT_ACS, ThreeDsScenario.UNAVAILABLE_AT_ACS,
            REJECTED, ThreeDsScenario.REJECTED,
            NOT_ENROLLED, ThreeDsScenario.NOT_ENROLLED,
            ACS_TIMEOUT, ThreeDsScenario.ACS_TIMEOUT,
            SERVER_UNAVAILABLE, ThreeDsScenario.SERVER_UNAVAILABLE);

    private ThreeDsTestCards() {}
}
