package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A card number never appears in logs, answers or storage in clear; the security code is never stored. */
@ExtendWith(OutputCaptureExtension.class)
class OpenApiCardDataIT extends OpenApiIntegrationTest {

    private static final List<String> CARDS = List.of(CardTestCards.VISA, CardTestCards.DECLINED, CardTestCards.TIMEOUT,
            CardTestCards.BAD_GATEWAY, CardTestCards.DINERS);

    @Test
    void panAndSecurityCodeStayOutOfLogsAnswersAndTables(CapturedOutput output) {
        StringBuilder answers = new StringBuilder();
        for (String card : CARDS) {
            String body = chargeBody(newOrderId(), 4321, card, "AUTH", "").replace("\"123\"", "\"9876\"");
            answers.append(api.post("/credit/charge", body, idempotencyKey(newKey())).body());
        }
        // a request that fails validation after the card number was read
        answers.append(api.post("/credit/charge", chargeBody(newOrderId(), 4321, CardTestCards.VISA, "AUTH",
                "\"paymentMethod\":\"NO_SUCH\"")).body());
        reconcileCredit();
        String tables = jdbc.sql("""
                SELECT concat_ws('|', (SELECT string_agg(row_to_json(p)::text, '|') FROM payment_order p),
                                      (SELECT string_agg(row_to_json(c)::text, '|') FROM credit_order c),
                                      (SELECT string_agg(row_to_json(a)::text, '|') FROM order_operation a),
                                      (SELECT string_agg(row_to_json(i)::text, '|') FROM openapi_idempotency i),
                                      (SELECT string_agg(row_to_json(s)::text, '|') FROM sim_card_authorization s),
                                      (SELECT string_agg(row_to_json(o)::text, '|') FROM sim_card_operation o))""")
                .query(String.class).single();
        for (String card : CARDS) {
            assertThat(output.getAll().contains(card)).as("logs contain " + card).isFalse();
            assertThat(answers.toString().contains(card)).as("answers contain " + card).isFalse();
            assertThat(tables.contains(card)).as("tables contain " + card).isFalse();
        }
        assertThat(tables.contains("securityCode") || tables.contains("\"9876\"")).as("security code stored").isFalse();
        assertThat(tables.contains("************1111")).isTrue();
    }
}
