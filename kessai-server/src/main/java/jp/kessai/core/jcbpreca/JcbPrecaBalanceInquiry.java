package jp.kessai.core.jcbpreca;

import jp.kessai.core.ResultCode;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.ProcessorCalls;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import org.springframework.stereotype.Service;

/** 残高照会 (JcbPrecaBalanceInquiry): a read at the center; nothing to journal because nothing changes. */
@Service
public class JcbPrecaBalanceInquiry {

    private final PrecaCenter center;
    private final KessaiProperties properties;

    JcbPrecaBalanceInquiry(PrecaCenter center, KessaiProperties properties) {
        this.center = center;
        this.properties = properties;
    }

    public Result inquire(CardNumber cardNo, ApprovalNumber approvalNo) {
        try {
            PrecaAnswer answer = ProcessorCalls.withDeadline(properties.centers().timeout(),
                    () -> center.balance(cardNo, approvalNo));
            return switch (answer) {
                case PrecaAnswer.Approved approved -> new Result(ResultCode.OK, PrecaReport.of(approved));
                case PrecaAnswer.Declined declined -> new Result(PrecaOutcomes.of(declined.reason()), null);
            };
        } catch (ProcessorUnavailableException e) {
            return new Result(ResultCode.PROCESSOR_UNAVAILABLE, null);
        } catch (RuntimeException e) { // a timeout, a lost answer or an exception: nothing is known
            return new Result(ResultCode.PROCESSOR_OUTCOME_UNKNOWN, null);
        }
    }

    /** {@code balance} is the center's report when it answered OK (before = after = the balance). */
    public record Result(ResultCode code, PrecaReport balance) {}
}
