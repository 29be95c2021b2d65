package jp.kessai.core.threeds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.threeds.AllowAttempt;
import jp.kessai.core.threeds.FlowKind;
import jp.kessai.core.threeds.ThreeDsFlow;
import jp.kessai.core.threeds.ThreeDsFlowState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of 3-D Secure flows ({@code tds_flow}). Every move is a compare-and-set on the state it starts from, so
 * two browser tabs, the expiry sweep and the recovery job never move one flow twice. Statements join the caller's
 * transaction. The card number and security code are stored sealed (FieldCipher) and the security code is erased
 * when the flow leaves AUTHENTICATED.
 */
@Repository
public class ThreeDsFlows {

    private static final String OPEN_FOR_EXPIRY = """
            (state IN ('INITIATING', 'METHOD', 'CHALLENGE') OR (state = 'AUTHENTICATED' AND NOT auto_authorization))""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ThreeDsFlows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The sealed data an authorisation needs: the card number, the security code (null once erased), the command. */
    public record Sealed(byte[] cardNo, byte[] securityCode, String command) {}

    public void insert(long orderPk, long shopPk, String token, FlowKind kind, AllowAttempt allowAttempt,
            boolean autoAuthorization, boolean requiresChallenge, boolean capture, String callbackUrl, String csrfToken,
            byte[] cardNoSealed, byte[] securityCodeSealed, String command, String processorRef, Instant expiresAt) {
        Timestamp now = now();
        jdbc.sql("""
                INSERT INTO tds_flow (order_pk, shop_pk, token, kind, state, auto_authorization, allow_attempt,
                    requires_challenge, capture, callback_url, csrf_token, card_no_enc, security_code_enc, command,
                    processor_ref, expires_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'INITIATING', ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
                ON CONFLICT (order_pk) DO UPDATE SET token = excluded.token, kind = excluded.kind, state = 'INITIATING',
                    auto_authorization = excluded.auto_authorization, allow_attempt = excluded.allow_attempt,
                    requires_challenge = excluded.requires_challenge, capture = excluded.capture,
                    callback_url = excluded.callback_url, csrf_token = excluded.csrf_token,
                    card_no_enc = excluded.card_no_enc, security_code_enc = excluded.security_code_enc,
                    command = excluded.command, processor_ref = excluded.processor_ref, server_trans_id = NULL,
                    method_url = NULL, trans_status = NULL, eci = NULL, trans_status_reason = NULL,
                    challenged = false, failure = NULL, expires_at = excluded.expires_at,
                    updated_at = excluded.updated_at""")
                .params(orderPk, shopPk, token, kind.name(), autoAuthorization, allowAttempt.name(), requiresChallenge,
                        capture, callbackUrl, csrfToken, cardNoSealed, securityCodeSealed, command, processorRef,
                        Timestamp.from(expiresAt), now, now)
                .update();
    }

    /** 認証初期化 answered: the browser may come. */
    public Optional<ThreeDsFlow> initiated(long orderPk, String serverTransId, String methodUrl) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'METHOD', server_trans_id = ?, method_url = ?, updated_at = ?
                 WHERE order_pk = ? AND state = 'INITIATING' RETURNING *""")
                .params(serverTransId, methodUrl, now(), orderPk).query(ThreeDsFlows::map).optional();
    }

    public Optional<ThreeDsFlow> challenged(long orderPk) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'CHALLENGE', challenged = true, trans_status = 'C', updated_at = ?
                 WHERE order_pk = ? AND state = 'METHOD' RETURNING *""")
                .params(now(), orderPk).query(ThreeDsFlows::map).optional();
    }

    /** Authentication succeeded: the result, and how long the merchant has to finalise. */
    public Optional<ThreeDsFlow> authenticated(long orderPk, ThreeDsFlowState from, String transStatus, String eci,
            String reason, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'AUTHENTICATED', trans_status = ?, eci = ?, trans_status_reason = ?,
                       expires_at = ?, updated_at = ?
                 WHERE order_pk = ? AND state = ? RETURNING *""")
                .params(transStatus, eci, reason, Timestamp.from(expiresAt), now(), orderPk, from.name())
                .query(ThreeDsFlows::map).optional();
    }

    /** Authentication failed (or initiation did): the result when there is one, the failure's result code. */
    public Optional<ThreeDsFlow> failed(long orderPk, ThreeDsFlowState from, ResultCode failure, String transStatus,
            String eci, String reason) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'FAILED', failure = ?, trans_status = coalesce(?, trans_status),
                       eci = coalesce(?, eci), trans_status_reason = coalesce(?, trans_status_reason),
                       security_code_enc = NULL, updated_at = ?
                 WHERE order_pk = ? AND state = ? RETURNING *""")
                .params(failure.name(), transStatus, eci, reason, now(), orderPk, from.name())
                .query(ThreeDsFlows::map).optional();
    }

    /** The authorisation after authentication ran (approved or declined). */
    public Optional<ThreeDsFlow> finished(long orderPk) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'FINISHED', security_code_enc = NULL, updated_at = ?
                 WHERE order_pk = ? AND state = 'AUTHENTICATED' RETURNING *""")
                .params(now(), orderPk).query(ThreeDsFlows::map).optional();
    }

    public Optional<ThreeDsFlow> expired(long orderPk, ThreeDsFlowState from) {
        return jdbc.sql("""
                UPDATE tds_flow SET state = 'EXPIRED', failure = 'TDS_EXPIRED', security_code_enc = NULL,
                       updated_at = ?
                 WHERE order_pk = ? AND state = ? RETURNING *""")
                .params(now(), orderPk, from.name()).query(ThreeDsFlows::map).optional();
    }

    public Optional<ThreeDsFlow> findByToken(String token) {
        return jdbc.sql("SELECT * FROM tds_flow WHERE token = ?").param(token).query(ThreeDsFlows::map).optional();
    }

    public Optional<ThreeDsFlow> findByShopAndOrder(long shopPk, long orderPk) {
        return jdbc.sql("SELECT * FROM tds_flow WHERE shop_pk = ? AND order_pk = ?").params(shopPk, orderPk)
                .query(ThreeDsFlows::map).optional();
    }

    public Optional<Sealed> sealedByShopAndOrder(long shopPk, long orderPk) {
        return jdbc.sql("""
                SELECT card_no_enc, security_code_enc, command::text FROM tds_flow WHERE shop_pk = ? AND order_pk = ?""")
                .params(shopPk, orderPk)
                .query((rs, n) -> new Sealed(rs.getBytes(1), rs.getBytes(2), rs.getString(3))).optional();
    }

    /** Open flows past their deadline, locked for this transaction (several nodes: SKIP LOCKED). */
    public List<ThreeDsFlow> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM tds_flow WHERE " + OPEN_FOR_EXPIRY
                        + " AND expires_at < ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit).query(ThreeDsFlows::map).list();
    }

    /** Authenticated flows whose automatic authorisation did not run (a node died in between). */
    public List<ThreeDsFlow> stalled(Instant updatedBefore, int limit) {
        return jdbc.sql("""
                SELECT * FROM tds_flow WHERE state = 'AUTHENTICATED' AND auto_authorization AND updated_at < ?
                 ORDER BY updated_at LIMIT ?""")
                .params(Timestamp.from(updatedBefore), limit).query(ThreeDsFlows::map).list();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static ThreeDsFlow map(ResultSet rs, int n) throws SQLException {
        String failure = rs.getString("failure");
        return new ThreeDsFlow(rs.getLong("order_pk"), rs.getLong("shop_pk"), rs.getString("token"),
                FlowKind.valueOf(rs.getString("kind")), ThreeDsFlowState.valueOf(rs.getString("state")),
                rs.getBoolean("auto_authorization"), AllowAttempt.valueOf(rs.getString("allow_attempt")),
                rs.getBoolean("requires_challenge"), rs.getBoolean("capture"), rs.getString("callback_url"),
                rs.getString("csrf_token"), rs.getString("server_trans_id"), rs.getString("method_url"),
                rs.getString("processor_ref"), rs.getString("trans_status"), rs.getString("eci"),
                rs.getString("trans_status_reason"), rs.getBoolean("challenged"),
                failure == null ? null : ResultCode.valueOf(failure), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
