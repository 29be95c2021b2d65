package jp.kessai.core.threeds;

/**
 * What a merchant asks of 3-D Secure with a charge or a verification (Tds2Options and where the browser goes back
 * to). {@code callbackUrl} is the merchant's own (checked by the face: absolute http or https); {@code csrfToken}
 * is echoed in the callback. The cardholder's email and phone go to the issuer as 3DS cardholder data.
 */
public record ThreeDsRequest(boolean skipNotEnrolledCard, AllowAttempt allowAttempt, boolean requiresChallenge,
        boolean autoAuthorization, String callbackUrl, String csrfToken, String cardholderEmail,
        String cardholderPhone) {

    public ThreeDsRequest {
        if (allowAttempt == null || callbackUrl == null) {
            throw new IllegalArgumentException("allowAttempt and callbackUrl are required");
        }
    }
}
