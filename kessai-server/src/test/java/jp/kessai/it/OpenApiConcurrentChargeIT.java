package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Regression: concurrent charges of one OrderID with different Idempotency-Keys and different cards. Only the charge
 * that wins the order may write its card details (they used to be written before the claim, so a loser could
 * overwrite the winner's brand and expiry).
 */
class OpenApiConcurrentChargeIT extends OpenApiIntegrationTest {

    @RepeatedTest(3)
    void onlyTheWinningChargeWritesItsCardDetails() throws Exception {
        String orderId = newOrderId();
        List<Future<OpenApiClient.Answer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                String card = i % 2 == 0 ? CardTestCards.VISA : CardTestCards.MASTERCARD;
                answers.add(pool.submit((Callable<OpenApiClient.Answer>) () -> api.post("/credit/charge",
                        chargeBody(orderId, 500, card, "AUTH", ""), idempotencyKey(newKey()))));
            }
        }
        List<OpenApiClient.Answer> won = new ArrayList<>();
        for (var future : answers) {
            var answer = future.get();
            if (answer.status() == 201) {
                won.add(answer);
            } else {
                assertThat(answer.status()).as(answer.body()).isIn(400, 409, 429);
            }
        }
        assertThat(won).as("exactly one charge of the OrderID succeeds").hasSize(1);
        String brand = won.get(0).at("/creditResult/cardResult/brand");
        var stored = inquiry(won.get(0).at("/orderReference/accessId"));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.at("/creditResult/cardResult/brand")).as("the stored details are the winner's").isEqualTo(brand);
        assertThat(stored.at("/creditResult/cardResult/cardNumber")).endsWith(brand.equals("VISA") ? "1111" : "4444");
    }
}
