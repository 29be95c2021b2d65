package jp.kessai.processor.netcash;

/**
 * How the NET CASH center tells Kessai a payment's result (決済結果受信). Kessai may refuse it (e.g. the payment
 * deadline passed); the center then does not take the customer's money.
 */
public interface NetCashResultListener {

    enum Verdict {
        ACCEPTED,
        REFUSED_EXPIRED,
        REFUSED_NOT_OPEN
    }

    Verdict onPaid(String paymentRef);

    Verdict onCancelled(String paymentRef);
}
