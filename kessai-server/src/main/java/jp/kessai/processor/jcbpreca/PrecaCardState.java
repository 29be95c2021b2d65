package jp.kessai.processor.jcbpreca;

import java.time.LocalDate;

/**
 * The card attributes the JCB Preca center reports with every answer (seed 000 ExecTranJcbPreca outputs 7–12).
 *
 * @param activateStatus 0 not activated, 1 activated, 2 activated by this transaction (first use)
 * @param termStatus 0 within term, 1 expired, 2 before usage start
 * @param invalidStatus 0 valid, 1 invalid
 * @param webInquiryStatus 0 web inquiry allowed, 1 not allowed
 */
public record PrecaCardState(
        int activateStatus, int termStatus, int invalidStatus, int webInquiryStatus, LocalDate validLimit,
        String cardTypeCode) {}
