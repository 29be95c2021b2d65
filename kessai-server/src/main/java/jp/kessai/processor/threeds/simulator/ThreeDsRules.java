package jp.kessai.processor.threeds.simulator;

import jp.kessai.processor.card.CardBrand;

/**
 * The simulated issuers' decisions, without storage: what the ACS answers to an authentication request, and what
 * a challenge ends with. ECI values as EMV 3DS gives them: 05 / 06 / 07 (02 / 01 / 00 for Mastercard).
 */
final class ThreeDsRules {

    /** A result: transStatus, eci, transStatusReason. */
    record Result(String transStatus, String eci, String reason) {}

    private ThreeDsRules() {}

    /** The answer to the authentication request (AReq); transStatus C means a challenge follows. */
    static Result authenticate(ThreeDsScenario scenario, CardBrand brand, boolean requiresChallenge) {
        return switch (scenario) {
            case FRICTIONLESS, NOT_ENROLLED, SERVER_UNAVAILABLE -> requiresChallenge ? challenge() : authenticated(brand);
            case CHALLENGE, ACS_TIMEOUT -> challenge();
            case ATTEMPT -> new Result("A", brand == CardBrand.MASTERCARD ? "01" : "06", "13");
            case NOT_AUTHENTICATED -> failed("N", brand, "01");
            case UNAVAILABLE_AT_ACS -> failed("U", brand, "09");
            case REJECTED -> failed("R", brand, "11");
        };
    }

    static Result authenticated(CardBrand brand) {
        return new Result("Y", brand == CardBrand.MASTERCARD ? "02" : "05", "18");
    }

    static Result challengeExhausted(CardBrand brand) {
        return failed("N", brand, "19");
    }

    static Result challengeTimedOut(CardBrand brand) {
        return failed("N", brand, "14");
    }

    static Result challengeCancelled(CardBrand brand) {
        return failed("N", brand, "01");
    }

    private static Result challenge() {
        return new Result("C", null, null);
    }

    private static Result failed(String status, CardBrand brand, String reason) {
        return new Result(status, brand == CardBrand.MASTERCARD ? "00" : "07", reason);
    }
}
