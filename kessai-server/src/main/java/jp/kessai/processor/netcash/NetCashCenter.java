package jp.kessai.processor.netcash;

import java.util.Optional;

/**
 * The NET CASH center: it accepts a payment request (決済要求), hosts the page where the customer pays or cancels,
 * and tells Kessai the result through a {@link NetCashResultListener}. Requests are keyed by Kessai's payment
 * reference, so asking twice never opens two payments.
 */
public interface NetCashCenter {

    /** Opens a payment; returns the center's session id. {@code returnPath} is where the customer's browser goes after. */
    String registerPayment(String paymentRef, long amountYen, String returnPath);

    /** The path (on this server for the simulator) of the center's payment page for a session. */
    String paymentPagePath(String sessionId);

    /** What the center knows of a payment, for settling a request whose answer was lost. */
    Optional<NetCashPayment> findPayment(String paymentRef);

    record NetCashPayment(String sessionId, String paymentRef, long amountYen, String state) {}
}
