package jp.kessai.core.threeds;

import java.time.Instant;
import jp.kessai.core.ResultCode;

/**
 * One 3-D Secure flow, as stored (without the sealed card data): the order it authenticates, the random token the
 * browser knows it by, the merchant's options and callback, the 3DS server's transaction and the result.
 */
public record ThreeDsFlow(
        long orderPk,
        long shopPk,
        String token,
        FlowKind kind,
        ThreeDsFlowState state,
        boolean autoAuthorization,
        AllowAttempt allowAttempt,
        boolean requiresChallenge,
        boolean capture,
        String callbackUrl,
        String csrfToken,
        String serverTransId,
        String methodUrl,
        String processorRef,
        String transStatus,
        String eci,
        String transStatusReason,
        boolean challenged,
        ResultCode failure,
        Instant expiresAt,
        Instant updatedAt) {

    /** The result as the faces show it, once the 3DS server gave one. */
    public ThreeDsResult result() {
        return transStatus == null ? null : new ThreeDsResult(eci, requiresChallenge, transStatus, transStatusReason);
    }

    public CallbackReason callbackReason() {
        if (!autoAuthorization) {
            return CallbackReason.AUTHENTICATION_FINISHED;
        }
        return kind == FlowKind.CHARGE ? CallbackReason.CHARGE_FINISHED : CallbackReason.VERIFICATION_FINISHED;
    }
}
