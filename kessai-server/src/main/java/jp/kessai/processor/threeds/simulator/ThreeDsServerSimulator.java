package jp.kessai.processor.threeds.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.SimulatedFaults;
import jp.kessai.processor.card.CardBrand;
import jp.kessai.processor.threeds.TdsAuthentication;
import jp.kessai.processor.threeds.ThreeDsServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deterministic 3DS server and ACS with durable books ({@code sim_tds_transaction}): documented test cards (and
 * cards the sandbox API assigned a scenario) drive every outcome; the ACS's 3DS Method and challenge pages are
 * served by {@link AcsSimulatorController}. A restart loses nothing: a browser on the challenge page can go on.
 * The books keep the last four digits and the brand of a card, never its number.
 */
@Component
public class ThreeDsServerSimulator implements ThreeDsServer {

    /** Where the simulated ACS serves its pages. */
    public static final String ACS_PREFIX = "/simulator/acs/";
    /** How long a cardholder has to answer a challenge (EMV's challenge window is 5 to 10 minutes). */
    static final Duration CHALLENGE_WINDOW = Duration.ofMinutes(10);
    /** The ACS_TIMEOUT scenario: the challenge window closes after this (the page counts down and gives up). */
    static final Duration SHORT_WINDOW = Duration.ofSeconds(3);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final FieldCipher cipher;
    private final SimulatedFaults<ThreeDsFault> faults = new SimulatedFaults<>();

    public ThreeDsServerSimulator(JdbcClient jdbc, TransactionTemplate tx, Clock clock, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.cipher = cipher;
    }

    @Override
    public boolean enrolled(CardNumber pan) {
        return scenarioOf(pan) != ThreeDsScenario.NOT_ENROLLED;
    }

    @Override
    public Initiation initiate(String reference, InitiateRequest request) {
        ThreeDsFault fault = faults.beforeCall();
        ThreeDsScenario scenario = scenarioOf(request.pan());
        if (fault == ThreeDsFault.SERVER_UNAVAILABLE || scenario == ThreeDsScenario.SERVER_UNAVAILABLE) {
            throw new ProcessorUnavailableException("simulated: the 3DS server refused the connection");
        }
        String id = tx.execute(status -> {
            String masked = request.pan().masked();
            jdbc.sql("""
                    INSERT INTO sim_tds_transaction (server_trans_id, reference, card_last4, brand, scenario, amount_yen,
                        requires_challenge, notification_path, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING""")
                    .params(UUID.randomUUID().toString(), reference, masked.substring(masked.length() - 4),
                            CardBrand.of(request.pan()).name(), scenario.name(), request.amountYen(),
                            request.requiresChallenge(), request.notificationPath(), now(), now())
                    .update();
            return findByReference(reference).orElseThrow();
        });
        lose(fault);
        return new Initiation(id, ACS_PREFIX + "method/" + id);
    }

    @Override
    public TdsAuthentication authenticate(String serverTransId, boolean methodCompleted) {
        ThreeDsFault fault = faults.beforeCall();
        if (fault == ThreeDsFault.SERVER_UNAVAILABLE) {
            throw new ProcessorUnavailableException("simulated: the 3DS server refused the connection");
        }
        TdsAuthentication answer = tx.execute(status -> {
            Row row = lock(serverTransId).orElseThrow(() -> new IllegalArgumentException("no such 3DS transaction"));
            if (row.transStatus() != null) {
                return row.authentication();
            }
            var result = ThreeDsRules.authenticate(row.scenario(), row.brand(), row.requiresChallenge());
            Instant deadline = row.scenario() == ThreeDsScenario.ACS_TIMEOUT ? clock.instant().plus(SHORT_WINDOW)
                    : clock.instant().plus(CHALLENGE_WINDOW);
            jdbc.sql("""
                    UPDATE sim_tds_transaction SET trans_status = ?, eci = ?, reason = ?, challenge_deadline = ?,
                           method_completed = method_completed OR ?, updated_at = ?
                     WHERE server_trans_id = ?""")
                    .params(result.transStatus(), result.eci(), result.reason(),
                            result.transStatus().equals("C") ? Timestamp.from(deadline) : null, methodCompleted, now(),
                            serverTransId)
                    .update();
            return lock(serverTransId).orElseThrow().authentication();
        });
        lose(fault);
        return answer;
    }

    @Override
    public TdsAuthentication challengeResult(String serverTransId) {
        ThreeDsFault fault = faults.beforeCall();
        if (fault == ThreeDsFault.SERVER_UNAVAILABLE) {
            throw new ProcessorUnavailableException("simulated: the 3DS server refused the connection");
        }
        TdsAuthentication answer = find(serverTransId).map(Row::authentication)
                .orElseThrow(() -> new IllegalArgumentException("no such 3DS transaction"));
        lose(fault);
        return answer;
    }

    @Override
    public Optional<String> findByReference(String reference) {
        return jdbc.sql("SELECT server_trans_id FROM sim_tds_transaction WHERE reference = ?").param(reference)
                .query(String.class).optional();
    }

    // --- the ACS's pages (AcsSimulatorController) --------------------------------------------------------------

    /** The 3DS Method page was loaded by the cardholder's browser (device data collected). */
    void methodVisited(String serverTransId) {
        jdbc.sql("UPDATE sim_tds_transaction SET method_completed = true, updated_at = ? WHERE server_trans_id = ?")
                .params(now(), serverTransId).update();
    }

    /** What the challenge page shows: the transaction while its challenge is open, else empty. */
    Optional<Challenge> openChallenge(String serverTransId) {
        return find(serverTransId).filter(r -> "C".equals(r.transStatus()))
                .map(r -> new Challenge(r.serverTransId(), r.amountYen(), r.brand(), r.last4(),
                        ThreeDsTestCards.CHALLENGE_TRIES - r.challengeFailures(), r.notificationPath(),
                        r.challengeDeadline()));
    }

    /** The notification path of a transaction (where the browser goes back to), if it exists. */
    Optional<String> notificationPath(String serverTransId) {
        return find(serverTransId).map(Row::notificationPath);
    }

    /** The cardholder's answer to the challenge. */
    ChallengeAnswer submit(String serverTransId, String password) {
        return tx.execute(status -> {
            Row row = lock(serverTransId).orElse(null);
            if (row == null || !"C".equals(row.transStatus())) {
                return ChallengeAnswer.CLOSED;
            }
            if (!clock.instant().isBefore(row.challengeDeadline())) {
                finish(row, ThreeDsRules.challengeTimedOut(row.brand()), false);
                return ChallengeAnswer.TIMED_OUT;
            }
            if (ThreeDsTestCards.ONE_TIME_PASSWORD.equals(password)) {
                finish(row, ThreeDsRules.authenticated(row.brand()), false);
                return ChallengeAnswer.AUTHENTICATED;
            }
            int failures = row.challengeFailures() + 1;
            if (failures >= ThreeDsTestCards.CHALLENGE_TRIES) {
                jdbc.sql("UPDATE sim_tds_transaction SET challenge_failures = ? WHERE server_trans_id = ?")
                        .params(failures, serverTransId).update();
                finish(row, ThreeDsRules.challengeExhausted(row.brand()), false);
                return ChallengeAnswer.FAILED;
            }
            jdbc.sql("UPDATE sim_tds_transaction SET challenge_failures = ?, updated_at = ? WHERE server_trans_id = ?")
                    .params(failures, now(), serverTransId).update();
            return ChallengeAnswer.WRONG_PASSWORD;
        });
    }

    /** The cardholder cancelled the challenge. */
    boolean cancel(String serverTransId) {
        Boolean done = tx.execute(status -> {
            Row row = lock(serverTransId).orElse(null);
            if (row == null || !"C".equals(row.transStatus())) {
                return false;
            }
            finish(row, ThreeDsRules.challengeCancelled(row.brand()), true);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    enum ChallengeAnswer { AUTHENTICATED, WRONG_PASSWORD, FAILED, TIMED_OUT, CLOSED }

    record Challenge(String serverTransId, long amountYen, CardBrand brand, String last4, int triesLeft,
            String notificationPath, Instant deadline) {}

    // --- sandbox control -------------------------------------------------------------------------------------

    /** Gives {@code pan} a scenario (replacing an earlier one); documented test cards keep theirs. */
    public void assign(CardNumber pan, ThreeDsScenario scenario) {
        jdbc.sql("""
                INSERT INTO sim_tds_card (card_fingerprint, scenario, created_at) VALUES (?, ?, ?)
                ON CONFLICT (card_fingerprint) DO UPDATE SET scenario = excluded.scenario""")
                .params(cipher.fingerprint(pan.expose()), scenario.name(), now()).update();
    }

    public void injectFault(ThreeDsFault fault, int count) {
        faults.inject(fault, count);
    }

    public void setLatencyMillis(long millis) {
        faults.setLatencyMillis(millis);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The simulator's view of a 3DS transaction (sandbox API): last four digits, scenario and result. */
    public Optional<java.util.Map<String, Object>> describe(String serverTransId) {
        return find(serverTransId).map(r -> {
            var view = new java.util.LinkedHashMap<String, Object>();
            view.put("serverTransId", r.serverTransId());
            view.put("cardLast4", r.last4());
            view.put("brand", r.brand().name());
            view.put("scenario", r.scenario().name());
            view.put("methodCompleted", r.methodCompleted());
            view.put("transStatus", r.transStatus());
            view.put("eci", r.eci());
            view.put("transStatusReason", r.reason());
            view.put("challengeFailures", r.challengeFailures());
            view.put("cancelled", r.cancelled());
            return view;
        });
    }

    // --- internals -------------------------------------------------------------------------------------------

    ThreeDsScenario scenarioOf(CardNumber pan) {
        ThreeDsScenario documented = ThreeDsTestCards.SCENARIOS.get(pan.expose());
        if (documented != null) {
            return documented;
        }
        return jdbc.sql("SELECT scenario FROM sim_tds_card WHERE card_fingerprint = ?")
                .param(cipher.fingerprint(pan.expose())).query(String.class).optional()
                .map(ThreeDsScenario::valueOf).orElse(ThreeDsScenario.FRICTIONLESS);
    }

    private void finish(Row row, ThreeDsRules.Result result, boolean cancelled) {
        jdbc.sql("""
                UPDATE sim_tds_transaction SET trans_status = ?, eci = ?, reason = ?, cancelled = ?, updated_at = ?
                 WHERE server_trans_id = ?""")
                .params(result.transStatus(), result.eci(), result.reason(), cancelled, now(), row.serverTransId())
                .update();
    }

    private static void lose(ThreeDsFault fault) {
        if (fault == ThreeDsFault.LOSE_ANSWER) {
            throw new ProcessorOutcomeUnknownException("simulated: the 3DS server's answer was lost");
        }
    }

    private Optional<Row> lock(String serverTransId) {
        return jdbc.sql("SELECT * FROM sim_tds_transaction WHERE server_trans_id = ? FOR UPDATE").param(serverTransId)
                .query(ThreeDsServerSimulator::map).optional();
    }

    private Optional<Row> find(String serverTransId) {
        return jdbc.sql("SELECT * FROM sim_tds_transaction WHERE server_trans_id = ?").param(serverTransId)
                .query(ThreeDsServerSimulator::map).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record Row(String serverTransId, String last4, CardBrand brand, ThreeDsScenario scenario, long amountYen,
            boolean requiresChallenge, String notificationPath, boolean methodCompleted, int challengeFailures,
            boolean cancelled, Instant challengeDeadline, String transStatus, String eci, String reason) {

        TdsAuthentication authentication() {
            if ("C".equals(transStatus)) {
                return TdsAuthentication.challengeOpen(ACS_PREFIX + "challenge/" + serverTransId);
            }
            return new TdsAuthentication(transStatus, eci, reason, null, cancelled);
        }
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp deadline = rs.getTimestamp("challenge_deadline");
        return new Row(rs.getString("server_trans_id"), rs.getString("card_last4"),
                CardBrand.valueOf(rs.getString("brand")), ThreeDsScenario.valueOf(rs.getString("scenario")),
                rs.getLong("amount_yen"), rs.getBoolean("requires_challenge"), rs.getString("notification_path"),
                rs.getBoolean("method_completed"), rs.getInt("challenge_failures"), rs.getBoolean("cancelled"),
                deadline == null ? null : deadline.toInstant(), rs.getString("trans_status"), rs.getString("eci"),
                rs.getString("reason"));
    }
}
