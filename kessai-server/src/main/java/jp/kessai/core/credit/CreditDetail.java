package jp.kessai.core.credit;

import java.time.Instant;
import jp.kessai.core.ResultCode;

/**
 * What a credit order keeps beyond the generic order: the card as it may be shown (brand, expiry, holder — the
 * masked number is on the order; the number itself is never stored), the charge options, the acquirer's answer, the
 * API version the merchant asked for, where the card came from, and the outcome of the last failed operation (null after a success).
 */
public record CreditDetail(
        long orderPk,
        String brand,
        String expiryMonth,
        String expiryYear,
        String cardholderName,
        CreditPaymentMethod paymentMethod,
        Integer installments,
        String itemCode,
        String apiVersion,
        String approvalCode,
        String forwardedCode,
        String issuerCode,
        String nwTransactionId,
        Instant transactionAt,
        Instant captureExpiresAt,
        ResultCode lastErrorResult,
        String lastErrorCode,
        CardEntry cardSource) {}
