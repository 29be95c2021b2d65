package jp.kessai.processor.jcbpreca;

import java.util.Optional;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;

/**
 * The JCB Preca center (減額（売上）IF, cancel, balance inquiry). Implementations may throw
 * {@link jp.kessai.processor.ProcessorOutcomeUnknownException} or {@link jp.kessai.processor.ProcessorUnavailableException}.
 * A debit is keyed by its sales code, so asking twice never debits twice.
 */
public interface PrecaCenter {

    PrecaAnswer debit(String salesCode, CardNumber cardNo, ApprovalNumber approvalNo, long amountYen, String carryInfo);

    PrecaAnswer cancel(String salesCode);

    PrecaAnswer balance(CardNumber cardNo, ApprovalNumber approvalNo);

    /** What the center knows of a debit, for settling calls whose outcome was lost. */
    Optional<PrecaTransaction> findTransaction(String salesCode);
}
