package jp.kessai.processor.netcash.simulator;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.SimulatedFaults;
import jp.kessai.processor.netcash.NetCashCenter;
import jp.kessai.processor.netcash.NetCashResultListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A NET CASH center with durable books and a real payment page ({@link NetCashSimulatorController}). Paying debits
 * the card and reports the result to Kessai in one transaction, so money moves exactly when Kessai accepts it. The
 * sandbox API can inject latency or faults into the next payment requests (the customer's page is not affected).
 */
@Component
public class NetCashCenterSimulator implements NetCashCenter {

    static final String PAGE_PREFIX = "/simulator/netcash/";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final NetCashResultListener listener;
    private final SecureRandom random = new SecureRandom();
    private final SimulatedFaults<NetCashFault> faults = new SimulatedFaults<>();

    public NetCashCenterSimulator(JdbcClient jdbc, TransactionTemplate tx, Clock clock, NetCashResultListener listener) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public String registerPayment(String paymentRef, long amountYen, String returnPath) {
        NetCashFault fault = beforeCall();
        String registered = tx.execute(status -> findPayment(paymentRef).map(NetCashPayment::sessionId).orElseGet(() -> {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String sessionId = HexFormat.of().formatHex(id);
            jdbc.sql("""
                    INSERT INTO sim_netcash_payment (session_id, payment_ref, amount_yen, return_path, state, created_at)
                    VALUES (?, ?, ?, ?, 'OPEN', ?)""")
                    .params(sessionId, paymentRef, amountYen, returnPath, now()).update();
            return sessionId;
        }));
        if (fault == NetCashFault.LOSE_ANSWER) {
            throw new ProcessorOutcomeUnknownException("simulated: the center's answer was lost");
        }
        return registered;
    }

    @Override
    public String paymentPagePath(String sessionId) {
        return PAGE_PREFIX + sessionId;
    }

    @Override
    public Optional<NetCashPayment> findPayment(String paymentRef) {
        return jdbc.sql("SELECT session_id, payment_ref, amount_yen, state FROM sim_netcash_payment WHERE payment_ref = ?")
                .param(paymentRef)
                .query((rs, n) -> new NetCashPayment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .optional();
    }

    record Session(String sessionId, String paymentRef, long amountYen, String returnPath, String state) {}

    Optional<Session> session(String sessionId) {
        return jdbc.sql("SELECT session_id, payment_ref, amount_yen, return_path, state FROM sim_netcash_payment WHERE session_id = ?")
                .param(sessionId)
                .query((rs, n) -> new Session(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** What the customer's "pay" button leads to. */
    enum PayOutcome {
        PAID,
        UNKNOWN_CARD,
        LOCKED_CARD,
        INSUFFICIENT_BALANCE,
        SESSION_CLOSED,
        REFUSED_BY_MERCHANT_SERVICE
    }

    PayOutcome pay(String sessionId, String cardNo) {
        return tx.execute(status -> {
            Session session = jdbc.sql("SELECT session_id, payment_ref, amount_yen, return_path, state FROM sim_netcash_payment WHERE session_id = ? FOR UPDATE")
                    .param(sessionId)
                    .query((rs, n) -> new Session(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                    .optional().orElse(null);
            if (session == null || !session.state().equals("OPEN")) {
                return PayOutcome.SESSION_CLOSED;
            }
            NetCashCard card = lockCard(cardNo).orElse(null);
            if (card == null) {
                return PayOutcome.UNKNOWN_CARD;
            }
            if (card.locked()) {
                return PayOutcome.LOCKED_CARD;
            }
            if (card.balanceYen() < session.amountYen()) {
                return PayOutcome.INSUFFICIENT_BALANCE;
            }
            if (listener.onPaid(session.paymentRef()) != NetCashResultListener.Verdict.ACCEPTED) {
                status.setRollbackOnly();
                return PayOutcome.REFUSED_BY_MERCHANT_SERVICE;
            }
            jdbc.sql("UPDATE sim_netcash_card SET balance_yen = balance_yen - ?, updated_at = ? WHERE card_no = ?")
                    .params(session.amountYen(), now(), cardNo).update();
            jdbc.sql("UPDATE sim_netcash_payment SET state = 'PAID', card_no = ?, finished_at = ? WHERE session_id = ?")
                    .params(cardNo, now(), sessionId).update();
            return PayOutcome.PAID;
        });
    }

    /** The customer's "cancel" button; false when the session was no longer open. */
    boolean cancel(String sessionId) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Session session = session(sessionId).orElse(null);
            if (session == null || !session.state().equals("OPEN")) {
                return false;
            }
            if (listener.onCancelled(session.paymentRef()) != NetCashResultListener.Verdict.ACCEPTED) {
                status.setRollbackOnly();
                return false;
            }
            jdbc.sql("UPDATE sim_netcash_payment SET state = 'CANCELLED', finished_at = ? WHERE session_id = ?")
                    .params(now(), sessionId).update();
            return true;
        }));
    }

    // --- sandbox control ---

    /** The next {@code count} payment requests fail with {@code fault}. */
    public void injectFault(NetCashFault fault, int count) {
        faults.inject(fault, count);
    }

    /** Every payment request waits this long before the center acts (0 to turn off). */
    public void setLatencyMillis(long millis) {
        faults.setLatencyMillis(millis);
    }

    public void clearFaults() {
        faults.clear();
    }

    private NetCashFault beforeCall() {
        NetCashFault fault = faults.beforeCall();
        if (fault == NetCashFault.DROP_REQUEST) {
            throw new ProcessorOutcomeUnknownException("simulated: request lost on the way to the center");
        }
        if (fault == NetCashFault.UNAVAILABLE) {
            throw new ProcessorUnavailableException("simulated: center refused the connection");
        }
        if (fault == NetCashFault.THROW) {
            throw new IllegalStateException("simulated: unexpected failure in the center call");
        }
        return fault;
    }

    public NetCashCard saveCard(NetCashCard card) {
        jdbc.sql("""
                INSERT INTO sim_netcash_card (card_no, balance_yen, locked, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (card_no) DO UPDATE SET balance_yen = excluded.balance_yen, locked = excluded.locked,
                       updated_at = excluded.updated_at""")
                .params(card.cardNo(), card.balanceYen(), card.locked(), now()).update();
        return card;
    }

    public void saveCardIfAbsent(NetCashCard card) {
        if (findCard(card.cardNo()).isEmpty()) {
            saveCard(card);
        }
    }

    public Optional<NetCashCard> findCard(String cardNo) {
        return jdbc.sql("SELECT card_no, balance_yen, locked FROM sim_netcash_card WHERE card_no = ?").param(cardNo)
                .query((rs, n) -> new NetCashCard(rs.getString(1), rs.getLong(2), rs.getBoolean(3))).optional();
    }

    private Optional<NetCashCard> lockCard(String cardNo) {
        return jdbc.sql("SELECT card_no, balance_yen, locked FROM sim_netcash_card WHERE card_no = ? FOR UPDATE").param(cardNo)
                .query((rs, n) -> new NetCashCard(rs.getString(1), rs.getLong(2), rs.getBoolean(3))).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
