package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every state-changing operation, for every outcome its processor can have, as one table (CONVENTIONS.md "Unknown is
 * a state"): state check → claim (order held, journal PENDING) → processor call → finish (journal SUCCEEDED / FAILED
 * / UNKNOWN with the core result code, the order's next state, the hold released unless UNKNOWN), and the reconciler
 * settling what stayed unknown from the processor's books.
 *
 * <p>A row reads: the operation of a payment method, on an order in state {@code from}, meets {@code outcome}; then
 * the last journal row is ({@code journal}, {@code result code}) and the face reports {@code face}. A row left
 * unsettled (UNKNOWN, or PENDING after a crash) holds the order — a second call is refused as in progress — until a
 * reconciliation pass settles it to the {@code settled} columns. A settlement as FAILED is reached only past the grace
 * period (nothing at the processor, or nothing the merchant can use), so those rows first check that a pass within
 * the grace period guesses nothing.
 *
 * <p>Outcomes: APPROVED; DECLINED (a declining test card or card state; NET CASH's payment request has none);
 * UNAVAILABLE (the processor refuses the connection); TIMEOUT (the processor acts and its answer is lost);
 * EXCEPTION (the call throws an unexpected exception before the processor acts); CRASH (the approved call, then the
 * database put back to the claimed state a kill -9 between call and finish leaves).
 *
 * <p>Credit from AUTHENTICATED is the authorisation after 3-D Secure, called through /tds2/finalizeCharge and
 * /tds2/finalizeVerification: a call the acquirer never acted on (UNAVAILABLE, or EXCEPTION settled past the grace
 * period) leaves the order AUTHENTICATED, not UNPROCESSED as a decline does, so that the merchant may finalise again.
 *
 * <p>A new operation is new rows and, at most, a new case in its method's {@link Driver}: the assertions are the same
 * for every row.
 */
class OperationOutcomeIT extends ThreeDsIntegrationTest {

    /** Past the reconciler's grace period (120 s here: the configured default, longer than either deadline + 30 s). */
    private static final long PAST_GRACE_SECONDS = 300;
    private static final long AMOUNT_YEN = 1000;
    private static final long CHANGED_AMOUNT_YEN = 1500;

    enum Method { JCB_PRECA, NET_CASH, CREDIT }

    enum Outcome {
        APPROVED(true), DECLINED(false), UNAVAILABLE(false), TIMEOUT(false), EXCEPTION(false), CRASH(true);

        /** Whether the face answers the call itself with success (a crash happens after the answer). */
        final boolean faceSucceeds;

        Outcome(boolean faceSucceeds) {
            this.faceSucceeds = faceSucceeds;
        }
    }

    @ParameterizedTest(name = "{0} {1} from {2}: {3} -> {4} {5} {6}, settled {7} {8} {9}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # method | operation        | from        | outcome     | journal   | result code               | face        | settled   | result code               | face
        JCB_PRECA| EXEC             | UNPROCESSED | APPROVED    | SUCCEEDED | OK                        | SALES       | -         | -                         | -
        JCB_PRECA| EXEC             | UNPROCESSED | DECLINED    | FAILED    | CARD_INSUFFICIENT_BALANCE | UNPROCESSED | -         | -                         | -
        JCB_PRECA| EXEC             | UNPROCESSED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | UNPROCESSED | -         | -                         | -
        JCB_PRECA| EXEC             | UNPROCESSED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | SUCCEEDED | OK                        | SALES
        JCB_PRECA| EXEC             | UNPROCESSED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED
        JCB_PRECA| EXEC             | UNPROCESSED | CRASH       | PENDING   | -                         | UNPROCESSED | SUCCEEDED | OK                        | SALES

        JCB_PRECA| CANCEL           | SALES       | APPROVED    | SUCCEEDED | OK                        | CANCEL      | -         | -                         | -
        JCB_PRECA| CANCEL           | SALES       | DECLINED    | FAILED    | CANCEL_WINDOW_PASSED      | SALES       | -         | -                         | -
        JCB_PRECA| CANCEL           | SALES       | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | SALES       | -         | -                         | -
        JCB_PRECA| CANCEL           | SALES       | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | SALES       | SUCCEEDED | OK                        | CANCEL
        JCB_PRECA| CANCEL           | SALES       | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | SALES       | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | SALES
        JCB_PRECA| CANCEL           | SALES       | CRASH       | PENDING   | -                         | SALES       | SUCCEEDED | OK                        | CANCEL

        # NET CASH: a payment request has no decline; one whose answer was lost is settled as failed past the grace
        # period even when the center registered it, because the merchant never got the Token (NetCashSettlement)
        NET_CASH | EXEC             | UNPROCESSED | APPROVED    | SUCCEEDED | OK                        | REQSUCCESS  | -         | -                         | -
        NET_CASH | EXEC             | UNPROCESSED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | UNPROCESSED | -         | -                         | -
        NET_CASH | EXEC             | UNPROCESSED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED
        NET_CASH | EXEC             | UNPROCESSED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED
        NET_CASH | EXEC             | UNPROCESSED | CRASH       | PENDING   | -                         | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED

        CREDIT   | AUTHORIZE        | UNPROCESSED | APPROVED    | SUCCEEDED | OK                        | AUTH        | -         | -                         | -
        CREDIT   | AUTHORIZE        | UNPROCESSED | DECLINED    | FAILED    | CARD_DECLINED             | UNPROCESSED | -         | -                         | -
        CREDIT   | AUTHORIZE        | UNPROCESSED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | UNPROCESSED | -         | -                         | -
        CREDIT   | AUTHORIZE        | UNPROCESSED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | SUCCEEDED | OK                        | AUTH
        CREDIT   | AUTHORIZE        | UNPROCESSED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED
        CREDIT   | AUTHORIZE        | UNPROCESSED | CRASH       | PENDING   | -                         | UNPROCESSED | SUCCEEDED | OK                        | AUTH

        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | APPROVED    | SUCCEEDED | OK                        | CAPTURE     | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | DECLINED    | FAILED    | CARD_DECLINED             | UNPROCESSED | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | UNPROCESSED | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | SUCCEEDED | OK                        | CAPTURE
        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | UNPROCESSED
        CREDIT   | AUTH_AND_CAPTURE | UNPROCESSED | CRASH       | PENDING   | -                         | UNPROCESSED | SUCCEEDED | OK                        | CAPTURE

        CREDIT   | CAPTURE          | AUTH        | APPROVED    | SUCCEEDED | OK                        | SALES       | -         | -                         | -
        CREDIT   | CAPTURE          | AUTH        | DECLINED    | FAILED    | CARD_DECLINED             | AUTH        | -         | -                         | -
        CREDIT   | CAPTURE          | AUTH        | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | AUTH        | -         | -                         | -
        CREDIT   | CAPTURE          | AUTH        | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTH        | SUCCEEDED | OK                        | SALES
        CREDIT   | CAPTURE          | AUTH        | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTH        | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | AUTH
        CREDIT   | CAPTURE          | AUTH        | CRASH       | PENDING   | -                         | AUTH        | SUCCEEDED | OK                        | SALES

        CREDIT   | REAUTHORIZE      | AUTH        | APPROVED    | SUCCEEDED | OK                        | AUTH        | -         | -                         | -
        CREDIT   | REAUTHORIZE      | AUTH        | DECLINED    | FAILED    | CARD_DECLINED             | AUTH        | -         | -                         | -
        CREDIT   | REAUTHORIZE      | AUTH        | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | AUTH        | -         | -                         | -
        CREDIT   | REAUTHORIZE      | AUTH        | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTH        | SUCCEEDED | OK                        | AUTH
        CREDIT   | REAUTHORIZE      | AUTH        | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTH        | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | AUTH
        CREDIT   | REAUTHORIZE      | AUTH        | CRASH       | PENDING   | -                         | AUTH        | SUCCEEDED | OK                        | AUTH

        CREDIT   | REAUTH_CAPTURE   | SALES       | APPROVED    | SUCCEEDED | OK                        | CAPTURE     | -         | -                         | -
        CREDIT   | REAUTH_CAPTURE   | SALES       | DECLINED    | FAILED    | CARD_DECLINED             | SALES       | -         | -                         | -
        CREDIT   | REAUTH_CAPTURE   | SALES       | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | SALES       | -         | -                         | -
        CREDIT   | REAUTH_CAPTURE   | SALES       | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | SALES       | SUCCEEDED | OK                        | CAPTURE
        CREDIT   | REAUTH_CAPTURE   | SALES       | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | SALES       | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | SALES
        CREDIT   | REAUTH_CAPTURE   | SALES       | CRASH       | PENDING   | -                         | SALES       | SUCCEEDED | OK                        | CAPTURE

        CREDIT   | CANCEL           | CAPTURE     | APPROVED    | SUCCEEDED | OK                        | CANCEL      | -         | -                         | -
        CREDIT   | CANCEL           | CAPTURE     | DECLINED    | FAILED    | CARD_DECLINED             | CAPTURE     | -         | -                         | -
        CREDIT   | CANCEL           | CAPTURE     | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | CAPTURE     | -         | -                         | -
        CREDIT   | CANCEL           | CAPTURE     | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | CAPTURE     | SUCCEEDED | OK                        | CANCEL
        CREDIT   | CANCEL           | CAPTURE     | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | CAPTURE     | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | CAPTURE
        CREDIT   | CANCEL           | CAPTURE     | CRASH       | PENDING   | -                         | CAPTURE     | SUCCEEDED | OK                        | CANCEL

        # 3-D Secure without automatic authorisation: /tds2/finalizeCharge (AUTHORIZE, or AUTH_AND_CAPTURE for a charge
        # in CAPTURE mode) and /tds2/finalizeVerification (VERIFY) on the AUTHENTICATED order. A decline leaves it
        # UNPROCESSED (the table's failure row); a call the acquirer never acted on (refused, or no trace past the grace
        # period) leaves it AUTHENTICATED, so that the merchant's retry authorises (the reliability battery: finalisations
        # refused invalid_status after a kill -9)
        CREDIT   | AUTHORIZE        | AUTHENTICATED | APPROVED    | SUCCEEDED | OK                        | AUTH          | -         | -                         | -
        CREDIT   | AUTHORIZE        | AUTHENTICATED | DECLINED    | FAILED    | CARD_DECLINED             | UNPROCESSED   | -         | -                         | -
        CREDIT   | AUTHORIZE        | AUTHENTICATED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | AUTHENTICATED | -         | -                         | -
        CREDIT   | AUTHORIZE        | AUTHENTICATED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | SUCCEEDED | OK                        | AUTH
        CREDIT   | AUTHORIZE        | AUTHENTICATED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED
        CREDIT   | AUTHORIZE        | AUTHENTICATED | CRASH       | PENDING   | -                         | AUTHENTICATED | SUCCEEDED | OK                        | AUTH

        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | APPROVED    | SUCCEEDED | OK                        | CAPTURE       | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | DECLINED    | FAILED    | CARD_DECLINED             | UNPROCESSED   | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | AUTHENTICATED | -         | -                         | -
        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | SUCCEEDED | OK                        | CAPTURE
        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED
        CREDIT   | AUTH_AND_CAPTURE | AUTHENTICATED | CRASH       | PENDING   | -                         | AUTHENTICATED | SUCCEEDED | OK                        | CAPTURE

        CREDIT   | VERIFY           | AUTHENTICATED | APPROVED    | SUCCEEDED | OK                        | CHECK         | -         | -                         | -
        CREDIT   | VERIFY           | AUTHENTICATED | DECLINED    | FAILED    | CARD_DECLINED             | UNPROCESSED   | -         | -                         | -
        CREDIT   | VERIFY           | AUTHENTICATED | UNAVAILABLE | FAILED    | PROCESSOR_UNAVAILABLE     | AUTHENTICATED | -         | -                         | -
        CREDIT   | VERIFY           | AUTHENTICATED | TIMEOUT     | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | SUCCEEDED | OK                        | CHECK
        CREDIT   | VERIFY           | AUTHENTICATED | EXCEPTION   | UNKNOWN   | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED | FAILED    | PROCESSOR_OUTCOME_UNKNOWN | AUTHENTICATED
        CREDIT   | VERIFY           | AUTHENTICATED | CRASH       | PENDING   | -                         | AUTHENTICATED | SUCCEEDED | OK                        | CHECK
        """)
    void operationOutcome(Method method, String operation, String from, Outcome outcome, String journal,
            String resultCode, String face, String settled, String settledResultCode, String settledFace) {
        String row = method + " " + operation + " from " + from + ", " + outcome;
        Driver driver = driver(method);
        TestOrder order = driver.reach(from, operation);
        if (order.accessId != null) { // a charge registers its order: before it there is none to look at
            assertThat(driver.state(order)).as("%s: reached the state before the operation", row).isEqualTo(from);
        }
        Map<String, Object> before = outcome == Outcome.CRASH ? snapshot(order.accessId) : null;
        driver.steer(operation, outcome);

        Reply reply = driver.run(order, operation, outcome);
        assertThat(reply.ok()).as("%s: the face's answer %s", row, reply.body()).isEqualTo(outcome.faceSucceeds);
        if (outcome == Outcome.CRASH) {
            backToClaimed(driver.accessId(order), operation, from, before);
        }

        assertThat(driver.state(order)).as("%s: the face's state", row).isEqualTo(face);
        assertThat(lastJournalRow(driver.accessId(order))).as("%s: the last journal row and the order's claim", row)
                .isEqualTo(new JournalRow(operation, journal, resultCode, held(journal) ? operation : null));
        if (!held(journal)) {
            return;
        }

        Reply again = driver.run(order, operation, Outcome.APPROVED);
        assertThat(again.inProgress()).as("%s: held until settled, but %s", row, again.body()).isTrue();
        if (outcome != Outcome.CRASH && "SUCCEEDED".equals(settled)) {
            reconcile(); // the processor's books show the call: settled at once
        } else {
            if (outcome != Outcome.CRASH) {
                reconcile();
                assertThat(lastJournalRow(driver.accessId(order)).state())
                        .as("%s: within the grace period nothing is guessed", row).isEqualTo(journal);
            }
            sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + PAST_GRACE_SECONDS + "}");
            reconcile();
        }
        assertThat(lastJournalRow(driver.accessId(order))).as("%s: settled from the processor's books", row)
                .isEqualTo(new JournalRow(operation, settled, settledResultCode, null));
        assertThat(driver.state(order)).as("%s: the face's state once settled", row).isEqualTo(settledFace);
    }

    private static boolean held(String journalState) {
        return "UNKNOWN".equals(journalState) || "PENDING".equals(journalState);
    }

    // --- the journal, as the database holds it ------------------------------------------------------------------

    /** The order's last journal row, and the operation that holds the order (null when none does). */
    record JournalRow(String operation, String state, String resultCode, String pendingOperation) {}

    private JournalRow lastJournalRow(String accessId) {
        return jdbc.sql("""
                SELECT a.operation, a.state, a.result_code, o.pending_operation
                  FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.access_id = ? ORDER BY a.id DESC LIMIT 1""")
                .param(accessId)
                .query((rs, n) -> new JournalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(null);
    }

    /** The order's columns a finished operation may change (null when the operation itself creates the order). */
    private static final String FINISHED_COLUMNS = """
            job_cd, amount_yen, processor_ref, card_no_enc, card_no_masked, carry_info, client_field1, client_field2,
            client_field3, sold_at, processed_at""";

    private Map<String, Object> snapshot(String accessId) {
        if (accessId == null) {
            return null;
        }
        return jdbc.sql("SELECT " + FINISHED_COLUMNS + " FROM payment_order WHERE access_id = ?").param(accessId)
                .query().singleRow();
    }

    /**
     * What a kill -9 between the processor's answer and the finish leaves: the order as it was before, claimed by
     * {@code operation}, and the last journal row PENDING. The processor's books keep the call.
     */
    private void backToClaimed(String accessId, String operation, String from, Map<String, Object> before) {
        if (before == null) { // the operation registered the order: back to a bare registration
            jdbc.sql("""
                    UPDATE payment_order SET status = ?, pending_operation = ?, job_cd = NULL, processor_ref = NULL,
                           card_no_enc = NULL, card_no_masked = NULL, carry_info = NULL, client_field1 = NULL,
                           client_field2 = NULL, client_field3 = NULL, sold_at = NULL
                     WHERE access_id = ?""").params(from, operation, accessId).update();
        } else {
            var restore = jdbc.sql("""
                    UPDATE payment_order SET status = :status, pending_operation = :operation, job_cd = :job_cd,
                           amount_yen = :amount_yen, processor_ref = :processor_ref, card_no_enc = :card_no_enc,
                           card_no_masked = :card_no_masked, carry_info = :carry_info, client_field1 = :client_field1,
                           client_field2 = :client_field2, client_field3 = :client_field3, sold_at = :sold_at,
                           processed_at = :processed_at
                     WHERE access_id = :access_id""")
                    .param("status", from).param("operation", operation).param("access_id", accessId);
            for (var column : before.entrySet()) {
                restore = restore.param(column.getKey(), column.getValue());
            }
            restore.update();
        }
        int journaled = jdbc.sql("""
                UPDATE order_operation SET state = 'PENDING', result_code = NULL, finished_at = NULL
                 WHERE id = (SELECT max(a.id) FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                              WHERE o.access_id = ?)""").param(accessId).update();
        assertThat(journaled).isEqualTo(1);
    }

    // --- per payment method: how to reach a state, steer the processor, call an operation, read the state ---------

    /** An order under test; the AccessID of a credit order is known once its first charge registered it. */
    static final class TestOrder {
        final String orderId;
        String accessId;
        String accessPass;

        TestOrder(String orderId, String accessId, String accessPass) {
            this.orderId = orderId;
            this.accessId = accessId;
            this.accessPass = accessPass;
        }
    }

    /** The face's answer to one call: success, or refused because another call holds the order. */
    record Reply(boolean ok, boolean inProgress, String body) {}

    interface Driver {
        /** A new order in {@code state}, the state the operation starts from. */
        TestOrder reach(String state);

        /** A new order in {@code state} for {@code operation} (where the state alone does not say how to reach it). */
        default TestOrder reach(String state, String operation) {
            return reach(state);
        }

        /** Steers the processor so that the next call of {@code operation} has {@code outcome} (where a fault does it). */
        void steer(String operation, Outcome outcome);

        /** Calls {@code operation} through the face; declining test cards are chosen here. */
        Reply run(TestOrder order, String operation, Outcome outcome);

        /** The order's state as the face reports it. */
        String state(TestOrder order);

        default String accessId(TestOrder order) {
            return order.accessId;
        }
    }

    private Driver driver(Method method) {
        return switch (method) {
            case JCB_PRECA -> new JcbPreca();
            case NET_CASH -> new NetCash();
            case CREDIT -> new Credit();
        };
    }

    /** Injects the simulator fault that makes {@code outcome}, if the map has one. */
    private void inject(String faultsPath, Map<Outcome, String> faults, Outcome outcome) {
        String fault = faults.get(outcome);
        if (fault != null) {
            var response = sandbox("POST", faultsPath, "{\"fault\":\"" + fault + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    private static Reply idpassReply(IdPassClient.Answer answer) {
        return new Reply(!answer.isError(), "E82010001".equals(answer.get("ErrInfo")), answer.body());
    }

    /** idpass ExecTranJcbPreca (declined by a card whose balance is too small) and JcbPrecaCancel (declined past 720 h). */
    final class JcbPreca implements Driver {

        private static final Map<Outcome, String> FAULTS = Map.of(
                Outcome.UNAVAILABLE, "UNAVAILABLE", Outcome.TIMEOUT, "LOSE_ANSWER", Outcome.EXCEPTION, "THROW");

        @Override
        public TestOrder reach(String state) {
            var entry = entry(AMOUNT_YEN, 0);
            var order = new TestOrder(entry.get("OrderID"), entry.get("AccessID"), entry.get("AccessPass"));
            switch (state) {
                case "UNPROCESSED" -> { }
                case "SALES" -> assertThat(run(order, "EXEC", Outcome.APPROVED).ok()).isTrue();
                default -> throw new IllegalArgumentException("JCB Preca cannot reach " + state);
            }
            return order;
        }

        @Override
        public void steer(String operation, Outcome outcome) {
            if (outcome == Outcome.DECLINED && operation.equals("CANCEL")) {
                sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + (720 * 3600 + 60) + "}");
            }
            inject("/sandbox/jcb-preca/faults", FAULTS, outcome);
        }

        @Override
        public Reply run(TestOrder order, String operation, Outcome outcome) {
            var ref = Map.of("OrderID", order.orderId, "AccessID", order.accessId, "AccessPass", order.accessPass);
            return idpassReply(switch (operation) {
                case "EXEC" -> exec(ref, newCard(outcome == Outcome.DECLINED ? AMOUNT_YEN / 2 : AMOUNT_YEN * 5), "1234");
                case "CANCEL" -> cancel(ref);
                default -> throw new IllegalArgumentException("JCB Preca has no operation " + operation);
            });
        }

        @Override
        public String state(TestOrder order) {
            return search(order.orderId).get("Status");
        }
    }

    /** idpass ExecTranNetcash (the payment request to the center). */
    final class NetCash implements Driver {

        private static final Map<Outcome, String> FAULTS = Map.of(
                Outcome.UNAVAILABLE, "UNAVAILABLE", Outcome.TIMEOUT, "LOSE_ANSWER", Outcome.EXCEPTION, "THROW");

        @Override
        public TestOrder reach(String state) {
            assertThat(state).as("NET CASH rows start from a new order").isEqualTo("UNPROCESSED");
            String orderId = newOrderId();
            var entry = idpass.post("EntryTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                    "OrderID", orderId, "Amount", Long.toString(AMOUNT_YEN), "Tax", "0"));
            assertThat(entry.isError()).as(entry.body()).isFalse();
            return new TestOrder(orderId, entry.get("AccessID"), entry.get("AccessPass"));
        }

        @Override
        public void steer(String operation, Outcome outcome) {
            inject("/sandbox/netcash/faults", FAULTS, outcome);
        }

        @Override
        public Reply run(TestOrder order, String operation, Outcome outcome) {
            assertThat(operation).isEqualTo("EXEC");
            return idpassReply(idpass.post("ExecTranNetcash", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                    "AccessID", order.accessId, "AccessPass", order.accessPass, "OrderID", order.orderId,
                    "RetURL", "https://merchant.example/ret", "NetCashPayType", "NETCASH")));
        }

        @Override
        public String state(TestOrder order) {
            return idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS,
                    "OrderID", order.orderId, "PayType", "16")).get("Status");
        }
    }

    /**
     * openapi /credit/charge (AUTH or CAPTURE, declined by the declining test card), /order/capture, /order/update
     * and /order/cancel (declined by the acquirer's injected CARD_DECLINED).
     */
    final class Credit implements Driver {

        private static final Map<Outcome, String> FAULTS = Map.of(
                Outcome.UNAVAILABLE, "BAD_GATEWAY", Outcome.TIMEOUT, "LOSE_ANSWER", Outcome.EXCEPTION, "THROW");

        /** Whether the order under test waits for its /tds2/finalize* (reached AUTHENTICATED). */
        private boolean authenticated;

        /** AUTHENTICATED: a charge (AUTH or CAPTURE mode) or a verification with 3-D Secure, autoAuthorization false. */
        @Override
        public TestOrder reach(String state, String operation) {
            if (!state.equals("AUTHENTICATED")) {
                return reach(state);
            }
            authenticated = true;
            String orderId = newOrderId();
            String callback = "https://shop.example.com/callback";
            String options = "\"autoAuthorization\":false";
            var started = operation.equals("VERIFY")
                    ? api.post("/credit/verifyCard", withTds2(VaultFixtures.verify(orderId, "\"card\":"
                            + VaultFixtures.card(CardTestCards.VISA, "TARO MIHON"), null), callback, "csrf-o", options))
                    : api.post("/credit/charge", tdsChargeBody(orderId, AMOUNT_YEN, CardTestCards.VISA,
                            operation.equals("AUTH_AND_CAPTURE") ? "CAPTURE" : "AUTH", callback, "csrf-o", options));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(walkFrictionless(started.at("/redirectInformation/redirectUrl"))).startsWith(callback);
            return new TestOrder(orderId, started.at("/orderReference/accessId"), null);
        }

        @Override
        public TestOrder reach(String state) {
            var order = new TestOrder(newOrderId(), null, null);
            switch (state) {
                case "UNPROCESSED" -> { }
                case "AUTH" -> approved(order, "AUTHORIZE");
                case "CAPTURE" -> approved(order, "AUTH_AND_CAPTURE");
                case "SALES" -> {
                    approved(order, "AUTHORIZE");
                    approved(order, "CAPTURE");
                }
                default -> throw new IllegalArgumentException("credit cannot reach " + state);
            }
            return order;
        }

        /** A test card steers authorisations only: the other operations are declined by an injected fault. */
        private static final Map<Outcome, String> FAULTS_AFTER_CHARGE = Map.of(Outcome.DECLINED, "CARD_DECLINED",
                Outcome.UNAVAILABLE, "BAD_GATEWAY", Outcome.TIMEOUT, "LOSE_ANSWER", Outcome.EXCEPTION, "THROW");

        @Override
        public void steer(String operation, Outcome outcome) {
            // a finalisation's card is the authenticated one: a fault declines it
            boolean charge = !authenticated && (operation.equals("AUTHORIZE") || operation.equals("AUTH_AND_CAPTURE"));
            inject("/sandbox/card/faults", charge ? FAULTS : FAULTS_AFTER_CHARGE, outcome);
        }

        private void approved(TestOrder order, String operation) {
            var reply = run(order, operation, Outcome.APPROVED);
            assertThat(reply.ok()).as(reply.body()).isTrue();
        }

        @Override
        public Reply run(TestOrder order, String operation, Outcome outcome) {
            String card = outcome == Outcome.DECLINED ? CardTestCards.DECLINED : CardTestCards.VISA;
            var answer = authenticated ? api.post(operation.equals("VERIFY") ? "/tds2/finalizeVerification"
                    : "/tds2/finalizeCharge", accessIdBody(order)) : switch (operation) {
                case "AUTHORIZE" -> api.post("/credit/charge", chargeBody(order.orderId, AMOUNT_YEN, card, "AUTH", ""));
                case "AUTH_AND_CAPTURE" -> api.post("/credit/charge", chargeBody(order.orderId, AMOUNT_YEN, card, "CAPTURE", ""));
                case "CAPTURE" -> api.post("/order/capture", accessIdBody(order));
                case "REAUTHORIZE" -> api.post("/order/update", updateBody(order, "AUTH"));
                case "REAUTH_CAPTURE" -> api.post("/order/update", updateBody(order, "CAPTURE"));
                case "CANCEL" -> api.post("/order/cancel", accessIdBody(order));
                default -> throw new IllegalArgumentException("credit has no operation " + operation);
            };
            return new Reply(answer.status() == 201, answer.status() == 409 && "conflict".equals(answer.at("/title")),
                    answer.status() + " " + answer.body());
        }

        @Override
        public String state(TestOrder order) {
            return inquiry(accessId(order)).at("/orderReference/status");
        }

        @Override
        public String accessId(TestOrder order) {
            if (order.accessId == null) { // registered by the first charge, whatever its outcome
                var found = api.post("/order/inquiry", "{\"orderId\":\"" + order.orderId + "\"}");
                assertThat(found.status()).as(found.body()).isEqualTo(200);
                order.accessId = found.at("/orderReference/accessId");
            }
            return order.accessId;
        }

        private String accessIdBody(TestOrder order) {
            return "{\"accessId\":\"" + accessId(order) + "\"}";
        }

        private String updateBody(TestOrder order, String mode) {
            return "{\"accessId\":\"" + accessId(order) + "\",\"amount\":\"" + CHANGED_AMOUNT_YEN
                    + "\",\"authorizationMode\":\"" + mode + "\"}";
        }
    }
}
