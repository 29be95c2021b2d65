package jp.kessai.processor.card;

import java.util.Optional;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;

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
     * @param pan the card number, a PAN of 12 to 19 digits
     * @param expiryYear four digits; {@code expiryMonth} two digits
     * @param securityCode null when the merchant sent none
     * @param paymentMethod the card company's payment method: ONE_TIME, INSTALLMENT, BONUS_ONE_TIME, REVOLVING
     */
    record Authorization(CardNumber pan, String expiryMonth, String expiryYear, SecurityCode securityCode,
            long amountYen, boolean capture, String paymentMethod, Integer installments, String itemCode) {

        public Authorization {
            if (pan == null || pan.length() < 12 || pan.length() > 19) {
                throw new IllegalArgumentException("a PAN is 12 to 19 digits");
            }
        }

        @Override
        public String toString() {
            return "Authorization[pan=" + pan + ", amountYen=" + amountYen + ", capture=" + capture + "]";
        }
    }
}
