package jp.kessai.processor.card.simulator;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.ProcessorOutcomeUnknownException;
import jp.kessai.processor.SimulatedFaults;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardBrand;
import jp.kessai.processor.card.CardDecline;
import jp.kessai.processor.card.CardNetworkMaintenanceException;
import jp.kessai.processor.card.CardOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deterministic card acquirer with durable books (its own tables): documented test cards drive every outcome,
 * and the sandbox API can inject latency or the next failures. It keeps the last four digits and the brand of a
 * card, never the number.
 */
@Component
public class CardAcquirerSimulator implements CardAcquirer {

    private static final String FORWARDED_CODE = "2a99663";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SimulatedFaults<CardFault> faults = new SimulatedFaults<>();
    private final SecureRandom random = new SecureRandom();

    public CardAcquirerSimulator(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public CardAnswer authorize(String reference, Authorization request) {
        CardFault fault = beforeCall(CardTestCards.FAULTS.get(request.pan().expose()));
        return afterCall(fault, () -> once(reference, CardOperation.Kind.AUTHORIZE, reference, () -> {
            if (fault != null && fault.decline != null) {
                return new CardAnswer.Declined(fault.decline, fault.code);
            }
            if (expired(request.expiryYear(), request.expiryMonth())) {
                return new CardAnswer.Declined(CardDecline.CARD_DECLINED, "G83");
            }
            var approved = approve(reference, CardBrand.of(request.pan()));
            jdbc.sql("""
                    INSERT INTO sim_card_authorization (auth_ref, card_last4, brand, amount_yen, captured, voided,
                        approval_code, forwarded_code, issuer_code, nw_transaction_id, authorized_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?)""")
                    .params(reference, last4(request.pan()), approved.brand().name(), request.amountYen(),
                            request.capture(), approved.approvalCode(), approved.forwardedCode(), approved.issuerCode(),
                            approved.nwTransactionId(), now(), now())
                    .update();
            return approved;
        }));
    }

    @Override
    public CardAnswer capture(String reference, String target, long amountYen) {
        CardFault fault = beforeCall(null);
        return afterCall(fault, () -> once(reference, CardOperation.Kind.CAPTURE, target, () -> {
            var auth = lockAuthorization(target).orElse(null);
            if (auth == null || auth.voided()) {
                return new CardAnswer.Declined(CardDecline.NO_SUCH_AUTHORIZATION, "G99");
            }
            if (fault != null && fault.decline != null) {
                return new CardAnswer.Declined(fault.decline, fault.code);
            }
            jdbc.sql("UPDATE sim_card_authorization SET captured = true, updated_at = ? WHERE auth_ref = ?")
                    .params(now(), auth.authRef()).update();
            return auth.answer();
        }));
    }

    @Override
    public CardAnswer voidAuthorization(String reference, String target) {
        CardFault fault = beforeCall(null);
        return afterCall(fault, () -> once(reference, CardOperation.Kind.VOID, target, () -> {
            var auth = lockAuthorization(target).orElse(null);
            if (auth == null || auth.voided()) {
                return new CardAnswer.Declined(CardDecline.NO_SUCH_AUTHORIZATION, "G99");
            }
            if (fault != null && fault.decline != null) {
                return new CardAnswer.Declined(fault.decline, fault.code);
            }
            jdbc.sql("UPDATE sim_card_authorization SET voided = true, updated_at = ? WHERE auth_ref = ?")
                    .params(now(), auth.authRef()).update();
            return auth.answer();
        }));
    }

    @Override
    public CardAnswer change(String reference, String target, long amountYen, boolean capture) {
        CardFault fault = beforeCall(null);
        return afterCall(fault, () -> once(reference, CardOperation.Kind.CHANGE, target, () -> {
            var old = lockAuthorization(target).orElse(null);
            if (old == null || old.voided()) {
                return new CardAnswer.Declined(CardDecline.NO_SUCH_AUTHORIZATION, "G99");
            }
            if (fault != null && fault.decline != null) {
                return new CardAnswer.Declined(fault.decline, fault.code); // the old authorisation stands
            }
            var approved = approve(reference, old.brand());
            jdbc.sql("UPDATE sim_card_authorization SET voided = true, updated_at = ? WHERE auth_ref = ?")
                    .params(now(), old.authRef()).update();
            jdbc.sql("""
                    INSERT INTO sim_card_authorization (auth_ref, card_last4, brand, amount_yen, captured, voided,
                        approval_code, forwarded_code, issuer_code, nw_transaction_id, authorized_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?)""")
                    .params(reference, old.last4(), old.brand().name(), amountYen, capture, approved.approvalCode(),
                            approved.forwardedCode(), approved.issuerCode(), approved.nwTransactionId(), now(), now())
                    .update();
            return approved;
        }));
    }

    @Override
    public Optional<CardOperation> findOperation(String reference) {
        return jdbc.sql("SELECT kind, result FROM sim_card_operation WHERE op_ref = ?").param(reference)
                .query((rs, n) -> new CardOperation(reference, CardOperation.Kind.valueOf(rs.getString(1)),
                        decode(rs.getString(2))))
                .optional();
    }

    // --- sandbox control -------------------------------------------------------------------------------------

    /** The next {@code count} calls fail with {@code fault} (a test card's own outcome wins over it). */
    public void injectFault(CardFault fault, int count) {
        faults.inject(fault, count);
    }

    /** Every call waits this long before the acquirer acts (0 to turn off). */
    public void setLatencyMillis(long millis) {
        faults.setLatencyMillis(millis);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The simulator's view of an authorisation, for tests and the sandbox API (no card number: last four only). */
    public Optional<SimulatedAuthorization> findAuthorization(String reference) {
        return jdbc.sql("""
                SELECT a.auth_ref, a.card_last4, a.brand, a.amount_yen, a.captured, a.voided, a.approval_code,
                       a.forwarded_code, a.issuer_code, a.nw_transaction_id, a.authorized_at
                  FROM sim_card_authorization a
                 WHERE a.auth_ref = coalesce((SELECT auth_ref FROM sim_card_operation WHERE op_ref = ?), ?)""")
                .params(reference, reference)
                .query((rs, n) -> new SimulatedAuthorization(rs.getString(1), rs.getString(2),
                        CardBrand.valueOf(rs.getString(3)), rs.getLong(4), rs.getBoolean(5), rs.getBoolean(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .optional();
    }

    /** How many authorisations the acquirer holds for cards ending in {@code last4} (tests: "never twice"). */
    public int countAuthorizations(String last4, long amountYen) {
        return jdbc.sql("SELECT count(*) FROM sim_card_authorization WHERE card_last4 = ? AND amount_yen = ?")
                .params(last4, amountYen).query(Integer.class).single();
    }

    public record SimulatedAuthorization(String authRef, String last4, CardBrand brand, long amountYen,
            boolean captured, boolean voided, String approvalCode, String forwardedCode, String issuerCode,
            String nwTransactionId, Instant authorizedAt) {

        CardAnswer.Approved answer() {
            return new CardAnswer.Approved(authRef, brand, approvalCode, forwardedCode, issuerCode, nwTransactionId,
                    authorizedAt);
        }
    }

    // --- internals -------------------------------------------------------------------------------------------

    /** Runs {@code action} once per reference: a repeated reference gets the recorded answer. */
    private CardAnswer once(String reference, CardOperation.Kind kind, String target, Supplier<CardAnswer> action) {
        return tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("sim-card:" + reference).query((rs, n) -> 1).list();
            Optional<CardOperation> earlier = findOperation(reference);
            if (earlier.isPresent()) {
                return earlier.get().answer();
            }
            CardAnswer answer = action.get();
            String authRef = answer instanceof CardAnswer.Approved a ? a.authorizationRef() : resolve(target);
            jdbc.sql("INSERT INTO sim_card_operation (op_ref, kind, auth_ref, result, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(reference, kind.name(), authRef == null ? target : authRef, encode(answer), now())
                    .update();
            return answer;
        });
    }

    private String resolve(String target) {
        return jdbc.sql("SELECT auth_ref FROM sim_card_operation WHERE op_ref = ?").param(target)
                .query(String.class).optional().orElse(target);
    }

    private Optional<SimulatedAuthorization> lockAuthorization(String target) {
        String authRef = resolve(target);
        jdbc.sql("SELECT 1 FROM sim_card_authorization WHERE auth_ref = ? FOR UPDATE").param(authRef)
                .query((rs, n) -> 1).list();
        return findAuthorization(authRef);
    }

    private CardAnswer.Approved approve(String reference, CardBrand brand) {
        String approval = String.format("%07d", Math.floorMod(random.nextLong(), 10_000_000L));
        Instant now = clock.instant();
        String nw = String.format("%010d%018d", now.getEpochSecond() % 10_000_000_000L,
                Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L));
        return new CardAnswer.Approved(reference, brand, approval, FORWARDED_CODE, FORWARDED_CODE, nw, now);
    }

    /** The last four digits, as the masked form shows them: the only part of the number the books keep. */
    private static String last4(CardNumber pan) {
        String masked = pan.masked();
        return masked.substring(masked.length() - 4);
    }

    private boolean expired(String expiryYear, String expiryMonth) {
        try {
            var expiry = YearMonth.of(Integer.parseInt(expiryYear), Integer.parseInt(expiryMonth));
            return expiry.isBefore(YearMonth.now(clock));
        } catch (RuntimeException badDate) {
            return true;
        }
    }

    private CardFault beforeCall(CardFault fromCard) {
        CardFault injected = faults.beforeCall();
        CardFault fault = fromCard != null ? fromCard : injected;
        if (fault == CardFault.DROP_REQUEST) {
            throw new ProcessorOutcomeUnknownException("simulated: request lost on the way to the acquirer");
        }
        if (fault == CardFault.BAD_GATEWAY) {
            throw new ProcessorUnavailableException("simulated: the network in front of the acquirer failed");
        }
        if (fault == CardFault.MAINTENANCE) {
            throw new CardNetworkMaintenanceException("simulated: card network maintenance");
        }
        if (fault == CardFault.THROW) {
            throw new IllegalStateException("simulated: unexpected failure in the acquirer call");
        }
        return fault;
    }

    private static CardAnswer afterCall(CardFault fault, Supplier<CardAnswer> call) {
        CardAnswer answer = call.get();
        if (fault == CardFault.LOSE_ANSWER) {
            throw new ProcessorOutcomeUnknownException("simulated: the acquirer's answer was lost");
        }
        return answer;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String encode(CardAnswer answer) {
        return switch (answer) {
            case CardAnswer.Approved a -> String.join("|", "A", a.authorizationRef(), a.brand().name(), a.approvalCode(),
                    a.forwardedCode(), a.issuerCode(), a.nwTransactionId(), Long.toString(a.processedAt().toEpochMilli()));
            case CardAnswer.Declined d -> String.join("|", "D", d.reason().name(), d.code());
        };
    }

    private static CardAnswer decode(String stored) {
        String[] f = stored.split("\\|", -1);
        if (f[0].equals("D")) {
            return new CardAnswer.Declined(CardDecline.valueOf(f[1]), f[2]);
        }
        return new CardAnswer.Approved(f[1], CardBrand.valueOf(f[2]), f[3], f[4], f[5], f[6],
                Instant.ofEpochMilli(Long.parseLong(f[7])));
    }
}
