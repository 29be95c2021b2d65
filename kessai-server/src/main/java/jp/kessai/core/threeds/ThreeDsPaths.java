package jp.kessai.core.threeds;

/**
 * Where the customer's browser reaches Kessai during 3-D Secure, by the flow's random token: the start (the
 * redirectUrl of the 202), the end of the 3DS Method step, and the return from the ACS after a challenge (the
 * notification URL given to the 3DS server). The face that created the order serves them.
 */
public final class ThreeDsPaths {

    public static final String PREFIX = "/3ds/";
    public static final String TOKEN_PATTERN = "[0-9a-f]{40}";

    private ThreeDsPaths() {}

    public static String start(String token) {
        return PREFIX + token;
    }

    public static String authenticate(String token) {
        return PREFIX + token + "/authenticate";
    }

    public static String challengeReturn(String token) {
        return PREFIX + token + "/challenge-return";
    }
}
