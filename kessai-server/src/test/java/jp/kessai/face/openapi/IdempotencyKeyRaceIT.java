package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;

import java.util.Map;
import java.util.UUID;
import jp.kessai.it.OpenApiIntegrationTest;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Regression (issue 9, found by the reliability battery's CrashConsistencyIT and DatabaseFailoverIT): a repeat of a
 * request with the same Idempotency-Key that checked the key before the first request had claimed it, and reached the
 * core after the first had finished, was refused by the core for the first request's own order ("The order ID has
 * already been used.", "The member ID has already been used.") instead of being answered as a repeat. The race is made
 * deterministic here: the repeat's first look at the key is made to miss it, as it did when it came before the claim.
 */
class IdempotencyKeyRaceIT extends OpenApiIntegrationTest {

    private static final String MERCHANT = """
            {"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store","nameShort":"サンプル",
             "contactName":"サポート窓口","contactEmail":"support@example.com","contactPhone":"0120-123-456",
             "contactOpeningHours":"10:00-18:00","callbackUrl":"https://shop.example.com/callback"}""";

    @MockitoSpyBean
    IdempotencyKeys keys;

    /** Sends {@code body} twice with one key, the second time as if it had looked at the key before the first claimed it. */
    private void theRepeatIsAnsweredAsARepeat(String path, String body, String otherBody, int status) {
        String key = UUID.randomUUID().toString();
        var first = api.post(path, body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(status);
        org.mockito.Mockito.doReturn(false).doCallRealMethod().when(keys).exists(anyLong(), eq(key));
        var repeat = api.post(path, body, Map.of("Idempotency-Key", key));
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(status);
        assertThat(repeat.body()).as("the first answer, replayed").isEqualTo(first.body());
        // and a different body with that key is still the key's misuse, whichever way it came
        org.mockito.Mockito.doReturn(false).doCallRealMethod().when(keys).exists(anyLong(), eq(key));
        var other = api.post(path, otherBody, Map.of("Idempotency-Key", key));
        assertThat(other.status()).as(other.body()).isEqualTo(400);
        assertThat(other.body()).contains("invalid_header");
        doCallRealMethod().when(keys).exists(anyLong(), eq(key));
    }

    @Test
    void aChargeRepeatThatMissedTheKeyReplaysInsteadOfOrderIdAlreadyUsed() {
        String orderId = newOrderId();
        theRepeatIsAnsweredAsARepeat("/credit/charge", chargeBody(orderId, 1500, CardTestCards.VISA, "AUTH", ""),
                chargeBody(orderId, 1501, CardTestCards.VISA, "AUTH", ""), 201);
    }

    @Test
    void anOnFileChargeWithThreeDsRepeatThatMissedTheKeyAnswersTheSame202() {
        String memberId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        var stored = api.post("/credit/storeCard", "{\"merchant\":" + MERCHANT + ",\"creditStoringInformation\":{\"card\":"
                + "{\"cardNumber\":\"" + CardTestCards.VISA + "\",\"expiryMonth\":\"06\",\"expiryYear\":\"2033\"},"
                + "\"onfileCardOptions\":{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}}}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String body = "{\"merchant\":" + MERCHANT + ",\"order\":{\"orderId\":\"" + newOrderId() + "\",\"amount\":\"800\","
                + "\"transactionType\":\"MIT\"},\"payer\":{\"name\":\"見本 太郎\"},\"creditOnfileInformation\":{\"onfileCard\":"
                + "{\"memberId\":\"" + memberId + "\",\"type\":\"CREDIT_CARD\"},\"creditChargeOptions\":"
                + "{\"authorizationMode\":\"AUTH\",\"useTds2\":true}},\"tds2Information\":{\"tds2Options\":{\"autoAuthorization\":false}}}";
        theRepeatIsAnsweredAsARepeat("/credit/on-file/charge", body, body.replace("\"800\"", "\"801\""), 202);
    }

    @Test
    void aMemberCreateRepeatThatMissedTheKeyReplaysInsteadOfMemberIdAlreadyUsed() {
        String memberId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"memberId\":\"" + memberId + "\",\"memberName\":\"見本 太郎\"}";
        theRepeatIsAnsweredAsARepeat("/member/create", body, body.replace("太郎", "次郎"), 201);
    }
}
