package jp.kessai.processor.jcbpreca.simulator;

import java.time.LocalDate;
import jp.kessai.processor.jcbpreca.PrecaCardState;

/** A prepaid card on the simulated center's books. Sandbox data: the simulator stands in for the real center. */
public record PrecaCard(
        String cardNo,
        String approvalNo,
        long balanceYen,
        int activateStatus,
        int termStatus,
        int invalidStatus,
        int webInquiryStatus,
        LocalDate validLimit,
        String cardTypeCode) {

    /** Sandbox defaults: activated, within term, valid, web inquiry allowed, valid limit far in the future. */
    public static PrecaCard withDefaults(String cardNo, String approvalNo, long balanceYen) {
        return new PrecaCard(cardNo, approvalNo, balanceYen, 1, 0, 0, 0, LocalDate.of(2099, 12, 31), "0001");
    }

    PrecaCardState state(int reportedActivateStatus) {
        return new PrecaCardState(reportedActivateStatus, termStatus, invalidStatus, webInquiryStatus, validLimit,
                cardTypeCode);
    }

    @Override
    public String toString() {
        // sandbox numbers only, but keep the habit: never print a whole card number
        String tail = cardNo.length() > 4 ? cardNo.substring(cardNo.length() - 4) : "";
        return "PrecaCard[****" + tail + ", balance=" + balanceYen + "]";
    }
}
