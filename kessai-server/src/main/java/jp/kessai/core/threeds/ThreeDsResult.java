package jp.kessai.core.threeds;

/**
 * The authentication result of a transaction, as the faces show it (OpenAPI tds2Result): ECI, whether a challenge
 * was required, transStatus (Y, A, C, N, U, R) and its reason (two digits).
 */
public record ThreeDsResult(String eci, boolean requiresChallenge, String transStatus, String transStatusReason) {}
