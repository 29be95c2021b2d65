package jp.kessai.core.threeds;

import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.transaction.Transaction;

/**
 * The result of starting 3-D Secure with a charge or a verification: OK with a {@code token} (the order is
 * AUTHENTICATED: send the browser to {@link ThreeDsPaths#start}); OK without a token when the card is not enrolled
 * and the merchant asked to skip 3-D Secure (a charge was then authorised at once: {@code transaction} shows it;
 * a verification was not run: {@code verificationSkipped}, the caller verifies without 3-D Secure); or a refusal.
 */
public record StartOutcome(ResultCode code, Transaction.Credit transaction, String declineCode, String token,
        boolean verificationSkipped) {

    public boolean ok() {
        return code == ResultCode.OK;
    }

    public boolean redirect() {
        return ok() && token != null;
    }

    static StartOutcome of(CreditOutcome outcome) {
        return new StartOutcome(outcome.code(), outcome.transaction(), outcome.declineCode(), null, false);
    }

    static StartOutcome refused(ResultCode code) {
        return new StartOutcome(code, null, null, null, false);
    }

    /** The outcome as a credit outcome (no token), for faces that render both shapes. */
    public CreditOutcome credit() {
        return new CreditOutcome(code, transaction, declineCode);
    }
}
