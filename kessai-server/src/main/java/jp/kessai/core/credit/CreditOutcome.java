package jp.kessai.core.credit;

import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.ResultCode;

/**
 * The result of a credit operation: the core result code, the transaction as it stands afterwards (null when no
 * transaction was found), and the card company's code of a refusal (e.g. {@code G12}), when there was one.
 */
public record CreditOutcome(ResultCode code, Transaction.Credit transaction, String declineCode) {

    static CreditOutcome of(ResultCode code, Transaction.Credit transaction) {
        return new CreditOutcome(code, transaction, null);
    }

    public boolean ok() {
        return code == ResultCode.OK;
    }
}
