package jp.kessai.processor.card.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's documented test cards (docs/test-cards.md). Any other well-formed number is approved, except that
 * an expiry month in the past is declined (G83). Any expiry in the future and any security code are accepted.
 */
public final class CardTestCards {

    public static final String VISA = "4111111111111111";
    public static final String MASTERCARD = "5555555555554444";
    public static final String JCB = "3530111333300000";
    public static final String AMEX = "378282246310005";
    public static final String DINERS = "36148900647913";

    public static final String DECLINED = "4000000000000002";
    public static final String INSUFFICIENT_BALANCE = "4000000000009995";
    public static final String AMOUNT_LIMIT_EXCEEDED = "4000000000009987";
    public static final String PROCESSING_FAILURE = "4000000000000119";
    public static final String BAD_GATEWAY = "4000000000000259";
    public static final String MAINTENANCE = "4000000000000267";
    /** Authorised at the acquirer, but the answer is lost: the outcome is unknown until the reconciler asks. */
    public static final String TIMEOUT = "4000000000000408";

    /** Test card → the fault it triggers on authorisation. */
    static final Map<String, CardFault> FAULTS;

    static {
        var faults = new LinkedHashMap<String, CardFault>();
        faults.put(DECLINED, CardFault.CARD_DECLINED);
        faults.put(INSUFFICIENT_BALANCE, CardFault.INSUFFICIENT_BALANCE);
        faults.put(AMOUNT_LIMIT_EXCEEDED, CardFault.AMOUNT_LIMIT_EXCEEDED);
        faults.put(PROCESSING_FAILURE, CardFault.PROCESSING_FAILURE);
        faults.put(BAD_GATEWAY, CardFault.BAD_GATEWAY);
        faults.put(MAINTENANCE, CardFault.MAINTENANCE);
        faults.put(TIMEOUT, CardFault.LOSE_ANSWER);
        FAULTS = Map.copyOf(faults);
    }

    private CardTestCards() {}
}
