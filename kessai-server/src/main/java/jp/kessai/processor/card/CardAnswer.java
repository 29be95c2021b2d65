package jp.kessai.processor.card;

import java.time.Instant;

/** The acquirer's answer to an authorisation, capture, void or change. */
public sealed interface CardAnswer {

    /**
     * Done. {@code authorizationRef} names the authorisation now standing (a change replaces it).
     *
     * @param approvalCode 承認番号, 7 digits
     * @param forwardedCode 仕向先コード, 7 characters
     * @param nwTransactionId the card network's transaction id, 28 digits
     */
    record Approved(String authorizationRef, CardBrand brand, String approvalCode, String forwardedCode,
            String issuerCode, String nwTransactionId, Instant processedAt) implements CardAnswer {}

    /** Refused; nothing changed at the acquirer. {@code code} is the card company's code, e.g. {@code G12}. */
    record Declined(CardDecline reason, String code) implements CardAnswer {}
}
