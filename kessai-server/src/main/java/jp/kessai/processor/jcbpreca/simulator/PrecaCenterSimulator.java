package jp.kessai.processor.jcbpreca.simulator;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.SimulatedFaults;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.jcbpreca.PrecaCardState;
import jp.kessai.processor.jcbpreca.PrecaDecline;
import jp.kessai.processor.jcbpreca.PrecaTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deterministic JCB Preca center with durable books (its own tables), steerable from the sandbox API: cards with
 * any balance and status, injected latency, and faults for the next calls.
 */
@Component
public class PrecaCenterSimulator implements PrecaCenter {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SimulatedFaults<SimulatorFault> faults = new SimulatedFaults<>();

    public PrecaCenterSimulator(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PrecaAnswer debit(String salesCode, CardNumber number, ApprovalNumber approval, long amountYen,
            String carryInfo) {
        String cardNo = number.expose(); // the center's books are keyed by the card number
        String approvalNo = approval.expose();
        SimulatorFault fault = beforeCall();
        PrecaAnswer answer = tx.execute(status -> {
            Optional<PrecaTransaction> earlier = findTransaction(salesCode);
            if (earlier.isPresent()) {
                return earlier.get().result(); // same sales code: the center answers again, it does not debit again
            }
            Optional<PrecaCard> card = lockCard(cardNo);
            PrecaAnswer decided = PrecaRules.debit(card, approvalNo, amountYen, today());
            if (decided instanceof PrecaAnswer.Approved approved) {
                jdbc.sql("UPDATE sim_preca_card SET balance_yen = ?, activate_status = 1, updated_at = ? WHERE card_no = ?")
                        .params(approved.afterBalanceYen(), now(), cardNo).update();
                jdbc.sql("""
                        INSERT INTO sim_preca_txn (sales_code, card_no, amount_yen, before_balance, after_balance,
                                                   activated, carry_info, executed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(salesCode, cardNo, amountYen, approved.beforeBalanceYen(), approved.afterBalanceYen(),
                                approved.card().activateStatus() == 2, carryInfo, now())
                        .update();
            }
            return decided;
        });
        return afterCall(fault, answer);
    }

    @Override
    public PrecaAnswer cancel(String salesCode) {
        SimulatorFault fault = beforeCall();
        PrecaAnswer answer = tx.execute(status -> {
            var txn = jdbc.sql("SELECT card_no, amount_yen, executed_at, cancelled_at FROM sim_preca_txn WHERE sales_code = ? FOR UPDATE")
                    .param(salesCode)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()})
                    .optional();
            if (txn.isEmpty()) {
                return new PrecaAnswer.Declined(PrecaDecline.NO_SUCH_TRANSACTION, null, null);
            }
            String cardNo = (String) txn.get()[0];
            long amount = (Long) txn.get()[1];
            Optional<PrecaDecline> refusal = PrecaRules.cancellable((Instant) txn.get()[2], (Instant) txn.get()[3], clock.instant());
            PrecaCard card = lockCard(cardNo).orElseThrow();
            if (refusal.isPresent()) {
                return new PrecaAnswer.Declined(refusal.get(), card.state(card.activateStatus()), card.balanceYen());
            }
            long after = card.balanceYen() + amount;
            jdbc.sql("UPDATE sim_preca_card SET balance_yen = ?, updated_at = ? WHERE card_no = ?").params(after, now(), cardNo).update();
            jdbc.sql("UPDATE sim_preca_txn SET cancelled_at = ? WHERE sales_code = ?").params(now(), salesCode).update();
            return new PrecaAnswer.Approved(card.balanceYen(), after, card.state(card.activateStatus()));
        });
        return afterCall(fault, answer);
    }

    @Override
    public PrecaAnswer balance(CardNumber cardNo, ApprovalNumber approvalNo) {
        SimulatorFault fault = beforeCall();
        return afterCall(fault, PrecaRules.balance(findCard(cardNo.expose()), approvalNo.expose()));
    }

    @Override
    public Optional<PrecaTransaction> findTransaction(String salesCode) {
        return jdbc.sql("""
                SELECT t.sales_code, t.amount_yen, t.cancelled_at IS NOT NULL, t.before_balance, t.after_balance,
                       t.activated, c.activate_status, c.term_status, c.invalid_status, c.web_inquiry_status,
                       c.valid_limit, c.card_type_code
                  FROM sim_preca_txn t JOIN sim_preca_card c ON c.card_no = t.card_no
                 WHERE t.sales_code = ?""")
                .param(salesCode)
                .query((rs, n) -> new PrecaTransaction(rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                        new PrecaAnswer.Approved(rs.getLong(4), rs.getLong(5), new PrecaCardState(
                                rs.getBoolean(6) ? 2 : rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                                rs.getDate(11).toLocalDate(), rs.getString(12)))))
                .optional();
    }

    // --- sandbox control -------------------------------------------------------------------------------------

    /** Creates or replaces a card. */
    public PrecaCard saveCard(PrecaCard card) {
        jdbc.sql("""
                INSERT INTO sim_preca_card (card_no, approval_no, balance_yen, activate_status, term_status,
                                            invalid_status, web_inquiry_status, valid_limit, card_type_code, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (card_no) DO UPDATE SET approval_no = excluded.approval_no,
                    balance_yen = excluded.balance_yen, activate_status = excluded.activate_status,
                    term_status = excluded.term_status, invalid_status = excluded.invalid_status,
                    web_inquiry_status = excluded.web_inquiry_status, valid_limit = excluded.valid_limit,
                    card_type_code = excluded.card_type_code, updated_at = excluded.updated_at""")
                .params(card.cardNo(), card.approvalNo(), card.balanceYen(), card.activateStatus(), card.termStatus(),
                        card.invalidStatus(), card.webInquiryStatus(), Date.valueOf(card.validLimit()),
                        card.cardTypeCode(), now())
                .update();
        return card;
    }

    /** Creates the card only if the center does not know it yet (seeded test cards keep their balances). */
    public void saveCardIfAbsent(PrecaCard card) {
        if (findCard(card.cardNo()).isEmpty()) {
            saveCard(card);
        }
    }

    public Optional<PrecaCard> findCard(String cardNo) {
        return jdbc.sql("SELECT * FROM sim_preca_card WHERE card_no = ?").param(cardNo).query(PrecaCenterSimulator::mapCard).optional();
    }

    /** The next {@code count} calls fail with {@code fault}. */
    public void injectFault(SimulatorFault fault, int count) {
        faults.inject(fault, count);
    }

    /** Every call waits this long before the center acts (0 to turn off). */
    public void setLatencyMillis(long millis) {
        faults.setLatencyMillis(millis);
    }

    public void clearFaults() {
        faults.clear();
    }

    private SimulatorFault beforeCall() {
        SimulatorFault fault = faults.beforeCall();
        if (fault == SimulatorFault.DROP_REQUEST) {
            throw new ProcessorOutcomeUnknownException("simulated: request lost on the way to the center");
        }
        if (fault == SimulatorFault.UNAVAILABLE) {
            throw new ProcessorUnavailableException("simulated: center refused the connection");
        }
        if (fault == SimulatorFault.THROW) {
            throw new IllegalStateException("simulated: unexpected failure in the center call");
        }
        return fault;
    }

    private static PrecaAnswer afterCall(SimulatorFault fault, PrecaAnswer answer) {
        if (fault == SimulatorFault.LOSE_ANSWER) {
            throw new ProcessorOutcomeUnknownException("simulated: the center's answer was lost");
        }
        return answer;
    }

    private Optional<PrecaCard> lockCard(String cardNo) {
        return jdbc.sql("SELECT * FROM sim_preca_card WHERE card_no = ? FOR UPDATE").param(cardNo).query(PrecaCenterSimulator::mapCard).optional();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static PrecaCard mapCard(ResultSet rs, int row) throws SQLException {
        return new PrecaCard(rs.getString("card_no"), rs.getString("approval_no"), rs.getLong("balance_yen"),
                rs.getInt("activate_status"), rs.getInt("term_status"), rs.getInt("invalid_status"),
                rs.getInt("web_inquiry_status"), rs.getDate("valid_limit").toLocalDate(), rs.getString("card_type_code"));
    }
}
