package jp.kessai.core.jcbpreca;

import java.time.LocalDate;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.core.order.Verdict;
import jp.kessai.processor.jcbpreca.PrecaCardState;

/**
 * What the JCB Preca center reported about the card with its answer, in the core's terms (faces never see the
 * processor's types). Balances are null when the center did not give them (a refusal before it found the card).
 */
public record PrecaReport(Long beforeBalanceYen, Long afterBalanceYen, Card card) {

    /**
     * The card attributes of seed 000 ExecTranJcbPreca outputs 7–12.
     *
     * @param activateStatus 0 not activated, 1 activated, 2 activated by this transaction
     * @param termStatus 0 within term, 1 expired, 2 before usage start
     * @param invalidStatus 0 valid, 1 invalid
     * @param webInquiryStatus 0 web inquiry allowed, 1 not allowed
     */
    public record Card(int activateStatus, int termStatus, int invalidStatus, int webInquiryStatus,
            LocalDate validLimit, String cardTypeCode) {

        static Card of(PrecaCardState state) {
            return state == null ? null : new Card(state.activateStatus(), state.termStatus(), state.invalidStatus(),
                    state.webInquiryStatus(), state.validLimit(), state.cardTypeCode());
        }
    }

    static PrecaReport of(PrecaAnswer answer) {
        return switch (answer) {
            case PrecaAnswer.Approved approved -> new PrecaReport(approved.beforeBalanceYen(),
                    approved.afterBalanceYen(), Card.of(approved.card()));
            case PrecaAnswer.Declined declined -> new PrecaReport(declined.balanceYen(), declined.balanceYen(),
                    Card.of(declined.card()));
            case null -> null;
        };
    }

    static Verdict verdict(PrecaAnswer answer) {
        return switch (answer) {
            case PrecaAnswer.Approved approved -> Verdict.success();
            case PrecaAnswer.Declined declined -> Verdict.failure(PrecaOutcomes.of(declined.reason()));
        };
    }
}
