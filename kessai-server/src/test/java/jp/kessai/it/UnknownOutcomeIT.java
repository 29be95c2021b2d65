package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Write-ahead processor calls: an outcome that is lost stays UNKNOWN (the order is held) until the reconciler asks the
 * center; nothing is guessed and nothing is debited twice.
 */
class UnknownOutcomeIT extends IntegrationTest {

    @Test
    void aLostAnswerIsSettledAsPaidByTheReconcilerAndNeverDebitedTwice() {
        String card = newCard(5000);
        var order = entry(1000, 80);
        fault("{\"fault\":\"LOSE_ANSWER\"}");
        var lost = exec(order, card, "1234");
        Golden.assertMatches("idpass/it/ExecTranJcbPreca-outcome-unknown.txt", lost.body(), order);
        assertThat(cardBalance(card)).as("the center did debit").isEqualTo(3920);
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("UNPROCESSED");
        assertThat(journalStates(order)).containsExactly("UNKNOWN");

        assertThat(exec(order, card, "1234").body()).as("held until settled").isEqualTo("ErrCode=E82&ErrInfo=E82010001");
        assertThat(cancel(order).body()).isEqualTo("ErrCode=E82&ErrInfo=E82010001");

        assertThat(reconcile()).isGreaterThanOrEqualTo(1);
        var settled = search(order.get("OrderID"));
        assertThat(settled.get("Status")).isEqualTo("SALES");
        assertThat(settled.get("CardNo")).endsWith(card.substring(12));
        assertThat(journalStates(order)).containsExactly("SUCCEEDED");
        assertThat(exec(order, card, "1234").body()).isEqualTo("ErrCode=E11&ErrInfo=E11010001");
        assertThat(cardBalance(card)).isEqualTo(3920);
    }

    @Test
    void aDroppedRequestIsSettledAsFailedOnlyAfterTheGracePeriod() {
        String card = newCard(5000);
        var order = entry(1000, 0);
        fault("{\"fault\":\"DROP_REQUEST\"}");
        assertThat(exec(order, card, "1234").get("ErrInfo")).isEqualTo("JP1000049");
        reconcile();
        assertThat(journalStates(order)).as("within the grace period nothing is guessed").containsExactly("UNKNOWN");

        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":180}");
        reconcile();
        assertThat(journalStates(order)).containsExactly("FAILED");
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("UNPROCESSED");
        assertThat(exec(order, card, "1234").get("Status")).as("the merchant may pay again").isEqualTo("SALES");
        assertThat(cardBalance(card)).isEqualTo(4000);
    }

    @Test
    void aCallThatOutlivesTheDeadlineIsUnknownAndSettledFromTheCentersBooks() throws Exception {
        String card = newCard(5000);
        var order = entry(700, 0);
        fault("{\"latencyMillis\":3000}"); // the test context's center timeout is 2 s
        assertThat(exec(order, card, "1234").get("ErrInfo")).isEqualTo("JP1000049");
        fault("{\"fault\":\"NONE\"}");
        long deadline = System.currentTimeMillis() + 10_000;
        while (cardBalance(card) != 4300 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the late call still reaches the center
        }
        assertThat(cardBalance(card)).isEqualTo(4300);
        reconcile();
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("SALES");
    }

    @Test
    void anUnreachableCenterFailsCleanlyAndReleasesTheOrder() {
        String card = newCard(5000);
        var order = entry(1000, 0);
        fault("{\"fault\":\"UNAVAILABLE\"}");
        var refused = exec(order, card, "1234");
        assertThat(refused.get("ErrInfo")).isEqualTo("JP1000040");
        assertThat(refused.get("Status")).isEqualTo("UNPROCESSED");
        assertThat(journalStates(order)).containsExactly("FAILED");
        assertThat(exec(order, card, "1234").get("Status")).isEqualTo("SALES");
    }

    @Test
    void aLostCancelAnswerIsSettledAsCancelled() {
        String card = newCard(5000);
        var order = entry(1000, 0);
        assertThat(exec(order, card, "1234").get("Status")).isEqualTo("SALES");
        fault("{\"fault\":\"LOSE_ANSWER\"}");
        var lost = cancel(order);
        assertThat(lost.body()).isEqualTo("OrderID=" + order.get("OrderID") + "&Status=SALES&ErrCode=JP1&ErrInfo=JP1000049");
        assertThat(cardBalance(card)).isEqualTo(5000);
        reconcile();
        assertThat(search(order.get("OrderID")).get("Status")).isEqualTo("CANCEL");
        assertThat(journalStates(order)).containsExactly("SUCCEEDED", "SUCCEEDED");
    }

    @Test
    void concurrentPaymentsOfOneOrderDebitOnce() throws Exception {
        String card = newCard(100_000);
        var order = entry(1000, 0);
        List<Future<IdPassClient.Answer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<IdPassClient.Answer>) () -> exec(order, card, "1234")));
            }
        }
        long sold = 0;
        for (var answer : answers) {
            var a = answer.get();
            if ("SALES".equals(a.get("Status")) && !a.isError()) {
                sold++;
            } else {
                assertThat(a.get("ErrInfo")).isIn("E82010001", "E11010001");
            }
        }
        assertThat(sold).isEqualTo(1);
        assertThat(cardBalance(card)).isEqualTo(99_000);
    }

    private void fault(String json) {
        assertThat(sandbox("POST", "/sandbox/jcb-preca/faults", json).statusCode()).isEqualTo(200);
    }

    private List<String> journalStates(Map<String, String> order) {
        return jdbc.sql("""
                SELECT a.state FROM order_operation a JOIN payment_order o ON o.id = a.order_pk
                 WHERE o.access_id = ? ORDER BY a.id""").param(order.get("AccessID")).query(String.class).list();
    }
}
