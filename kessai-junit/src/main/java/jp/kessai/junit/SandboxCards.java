package jp.kessai.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test cards made by a test, so that tests never share balances, and the balances of any card
 * (docs/test-cards.md, "Sandbox API"). The documented cards are in {@link TestCards}.
 */
public final class SandboxCards {

    /** The 3-D Secure scenarios a card can be given. */
    public enum ThreeDsScenario {
        FRICTIONLESS, CHALLENGE, ATTEMPT, NOT_AUTHENTICATED, UNAVAILABLE_AT_ACS, REJECTED, NOT_ENROLLED, ACS_TIMEOUT,
        SERVER_UNAVAILABLE
    }

    private final SandboxHttp sandbox;

    SandboxCards(SandboxHttp sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * A new activated JCB Preca card with this balance and approval number {@link TestCards.JcbPreca#APPROVAL_NUMBER},
     * valid until 2099; answers its number (16 digits).
     */
    public String newJcbPrecaCard(long balanceYen) {
        String cardNo = "88" + randomDigits(14);
        var body = new LinkedHashMap<String, Object>();
        body.put("cardNo", cardNo);
        body.put("approvalNo", TestCards.JcbPreca.APPROVAL_NUMBER);
        body.put("balance", balanceYen);
        sandbox.post("/sandbox/jcb-preca/cards", body);
        return cardNo;
    }

    /** The current balance of a JCB Preca card, in yen. */
    public long jcbPrecaBalance(String cardNo) {
        return sandbox.get("/sandbox/jcb-preca/cards/" + digits(cardNo)).get("balance").asLong();
    }

    /** A new unlocked NET CASH card with this balance; answers its number (16 digits). */
    public String newNetCashCard(long balanceYen) {
        String cardNo = "58" + randomDigits(14);
        sandbox.post("/sandbox/netcash/cards", Map.of("cardNo", cardNo, "balance", balanceYen, "locked", false));
        return cardNo;
    }

    /** The current balance of a NET CASH card, in yen. */
    public long netCashBalance(String cardNo) {
        return sandbox.get("/sandbox/netcash/cards/" + digits(cardNo)).get("balance").asLong();
    }

    /** From now on, 3-D Secure authentications of this credit card number follow the scenario. */
    public void threeDsScenario(String cardNumber, ThreeDsScenario scenario) {
        sandbox.post("/sandbox/tds2/cards", Map.of("cardNumber", digits(cardNumber), "scenario", scenario.name()));
    }

    private static String randomDigits(int n) {
        var digits = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static String digits(String cardNo) {
        if (cardNo == null || !cardNo.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("a card number is digits only: " + cardNo);
        }
        return cardNo;
    }
}
