package jp.kessai.processor.threeds;

/**
 * An authentication result as EMV 3DS states it: {@code transStatus} Y (authenticated), A (attempt: ECI 06, or 01
 * for Mastercard), C (challenge required: the browser goes to {@code challengeUrl}), N (not authenticated), U
 * (could not be performed), R (rejected); {@code eci} and {@code reason} (transStatusReason, two digits) as the
 * ACS gave them. {@code cancelled} is a cardholder who cancelled the challenge.
 */
public record TdsAuthentication(String transStatus, String eci, String reason, String challengeUrl,
        boolean cancelled) {

    public static TdsAuthentication challengeOpen(String challengeUrl) {
        return new TdsAuthentication("C", null, null, challengeUrl, false);
    }

    public boolean challengeRequired() {
        return "C".equals(transStatus);
    }
}
