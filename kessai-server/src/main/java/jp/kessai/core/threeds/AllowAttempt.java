package jp.kessai.core.threeds;

/**
 * Tds2Options.allowAttempt: what an attempt (ECI 06, 01 for Mastercard) counts as. FOLLOW follows the shop's
 * 「3Dセキュア必須化」 contract (a failure when the shop has it, a success otherwise).
 */
public enum AllowAttempt {
    FOLLOW,
    ALLOW,
    NOT_ALLOW;

    boolean accepts(boolean shopRequiresThreeDs) {
        return switch (this) {
            case ALLOW -> true;
            case NOT_ALLOW -> false;
            case FOLLOW -> !shopRequiresThreeDs;
        };
    }
}
