package jp.kessai.processor.threeds;

import java.util.Optional;
import jp.kessai.platform.secret.CardNumber;

/**
 * The 3-D Secure 2 server (3DS Server) with the issuers' access control servers (ACS) behind it, as seed 003's
 * sequences draw them: 認証初期化 ({@link #initiate}), 認証依頼 after the browser's 3DS Method step
 * ({@link #authenticate}, EMV AReq/ARes), and チャレンジ判定依頼 after a challenge ({@link #challengeResult}, the
 * ACS's RReq). Every call is keyed: initiating twice with one reference creates one 3DS transaction, and asking
 * again about a transaction returns its recorded result. Implementations may throw
 * {@link jp.kessai.processor.ProcessorUnavailableException} (nothing happened) or
 * {@link jp.kessai.processor.ProcessorOutcomeUnknownException}.
 */
public interface ThreeDsServer {

    /** The card range data (PReq/PRes): whether the card's issuer takes part in 3-D Secure 2. A read. */
    boolean enrolled(CardNumber pan);

    /**
     * Creates the 3DS transaction for a card (認証初期化). {@code notificationPath} is where the ACS returns the
     * cardholder's browser after a challenge (on this server).
     */
    Initiation initiate(String reference, InitiateRequest request);

    /** 認証依頼 (AReq/ARes) once the browser's 3DS Method step ran (or timed out: {@code methodCompleted} false). */
    TdsAuthentication authenticate(String serverTransId, boolean methodCompleted);

    /** チャレンジ判定依頼: the challenge's final result, or {@link TdsAuthentication#challengeOpen} if still running. */
    TdsAuthentication challengeResult(String serverTransId);

    /** The 3DS transaction made for {@code reference}, for reconciliation. */
    Optional<String> findByReference(String reference);

    /**
     * @param requiresChallenge the merchant asks for a challenge whatever the risk (Tds2Options.requiresChallenge)
     * @param cardholderName the name the cardholder gave (3DS cardholder data), may be null
     * @param cardholderEmail the payer's email, may be null
     * @param cardholderPhone the payer's phone, may be null
     */
    record InitiateRequest(CardNumber pan, String expiryMonth, String expiryYear, long amountYen,
            boolean requiresChallenge, String cardholderName, String cardholderEmail, String cardholderPhone,
            String notificationPath) {

        @Override
        public String toString() {
            return "InitiateRequest[pan=" + pan + ", amountYen=" + amountYen + "]";
        }
    }

    /** The 3DS transaction: its ID and the 3DS Method URL the browser loads (null when the ACS has none). */
    record Initiation(String serverTransId, String methodUrl) {}
}
