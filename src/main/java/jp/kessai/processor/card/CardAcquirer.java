package jp.kessai.processor.card;

import java.util.Optional;

/**
 * The card acquirer (card network / CAFIS side) behind credit card payments. Every operation carries its own
 * reference: asking again with the same reference returns the first answer and never authorises, captures or voids
 * twice. {@code target} names an earlier operation of the same authorisation (its authorisation or any later
 * operation on it). Implementations may throw {@link jp.kessai.processor.ProcessorOutcomeUnknownException},
 * {@link jp.kessai.processor.ProcessorUnavailableException} or {@link CardNetworkMaintenanceException}.
 */
public interface CardAcquirer {

    CardAnswer authorize(String reference, Authorization request);

    CardAnswer capture(String reference, String target, long amountYen);

    CardAnswer voidAuthorization(String reference, String target);

    /**
     * Re-authorises the card of {@code target} for a new amount and voids the old authorisation, as one step: when
     * the new authorisation is refused the old one stands unchanged.
     */
    CardAnswer change(String reference, String target, long amountYen, boolean capture);

    Optional<CardOperation> findOperation(String reference);

    /**
     * One authorisation request. The security code is used for this call only and never stored.
     *
     * @param expiryYear four digits; {@code expiryMonth} two digits
     * @param paymentMethod the card company's payment method: ONE_TIME, INSTALLMENT, BONUS_ONE_TIME, REVOLVING
     */
    record Authorization(Pan pan, String expiryMonth, String expiryYear, String securityCode, long amountYen,
            boolean capture, String paymentMethod, Integer installments, String itemCode) {

        @Override
        public String toString() {
            return "Authorization[pan=" + pan + ", amountYen=" + amountYen + ", capture=" + capture + "]";
        }
    }
}
