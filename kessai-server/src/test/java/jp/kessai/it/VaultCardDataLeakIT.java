package jp.kessai.it;

import static jp.kessai.it.VaultFixtures.card;
import static jp.kessai.it.VaultFixtures.cardDetails;
import static jp.kessai.it.VaultFixtures.onfileCharge;
import static jp.kessai.it.VaultFixtures.storeCard;
import static jp.kessai.it.VaultFixtures.storeReferenced;
import static jp.kessai.it.VaultFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Known card numbers go into the vault through every path (verifyCard with storing, storeCard with card data and by
 * reference, on-file charges and verifications, card details, inquiries, deletions, a failed charge, a replay); then
 * every column of every table (bytea as hex), every log event of the run and every HTTP response are scanned: no
 * full card number appears anywhere.
 */
class VaultCardDataLeakIT extends OpenApiIntegrationTest {

    /** Numbers used by no other test, so a hit can only come from this run. */
    private static final List<String> NUMBERS = List.of("4929000000006", "4539578763621486", "5425233430109903",
            "3566002020360505", "371449635398431", "4000056655665556");

    @Test
    void noFullCardNumberInTheDatabaseTheLogsOrAnyResponse() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> responses = new ArrayList<>();
        try {
            String member = "leak-" + System.nanoTime();
            String other = member + "-b";
            // verifyCard storing each number (one declined by the fault card's neighbour: a normal decline path)
            for (int i = 0; i < 3; i++) {
                var answer = api.post("/credit/verifyCard", verify(newOrderId(), "\"card\":" + card(NUMBERS.get(i), "LEAK TEST"),
                        "{\"memberId\":\"" + member + "\",\"createNewMember\":true,\"setDefault\":" + (i == 0) + "}"));
                responses.add(answer.body());
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
            // storeCard with card data, with a key and its replay, and a duplicate refusal
            String body = storeCard(NUMBERS.get(3), "{\"memberId\":\"" + other + "\",\"createNewMember\":true}");
            String key = newKey();
            responses.add(api.post("/credit/storeCard", body, idempotencyKey(key)).body());
            responses.add(api.post("/credit/storeCard", body, idempotencyKey(key)).body());
            responses.add(api.post("/credit/storeCard", storeCard(NUMBERS.get(0), "{\"memberId\":\"" + other
                    + "\",\"duplicationCheckOptions\":{\"enableDuplicationCheck\":true}}")).body());
            // storeCard by reference to a charge
            var charge = api.post("/credit/charge", chargeBody(newOrderId(), 900, NUMBERS.get(4), "AUTH", ""));
            responses.add(charge.body());
            var referenced = api.post("/credit/storeCard", storeReferenced(charge.at("/orderReference/accessId"),
                    "{\"memberId\":\"" + other + "\",\"setDefault\":true}"));
            responses.add(referenced.body());
            assertThat(referenced.status()).as(referenced.body()).isEqualTo(201);
            // on-file charges by default, cardId, index; a verification of a stored card
            responses.add(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, member, "", "")).body());
            responses.add(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, member, "\"cardId\":\"1\"", "")).body());
            responses.add(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, other, "\"index\":\"1\",\"cardholderName\":\"NEW\"", "")).body());
            responses.add(api.post("/credit/verifyCard", verify(newOrderId(), "\"onfileCard\":{\"memberId\":\"" + member
                    + "\",\"type\":\"CREDIT_CARD\",\"index\":\"2\"}", null)).body());
            // a declined charge of a card that is then not stored
            responses.add(api.post("/credit/verifyCard", verify(newOrderId(), "\"card\":" + card("4000000000000002", null),
                    "{\"memberId\":\"" + member + "\"}")).body());
            // reads and deletions
            responses.add(api.post("/credit/getCardDetails", cardDetails(member, "")).body());
            responses.add(api.post("/member/inquiry", "{\"memberId\":\"" + member + "\"}").body());
            responses.add(api.post("/member/inquiry", "{\"memberId\":\"" + other + "\"}").body());
            responses.add(api.post("/member/deleteItem", "{\"memberId\":\"" + member
                    + "\",\"onfileType\":\"CARD\",\"onfileCardType\":\"CREDIT_CARD\",\"cardId\":\"2\"}").body());
            // a sixth number through /credit/charge only, refused for a non-member storing
            responses.add(api.post("/credit/storeCard", storeCard(NUMBERS.get(5), "{\"memberId\":\"nobody-" + member + "\"}")).body());
            responses.add(api.post("/member/delete", "{\"memberId\":\"" + other + "\"}").body());
            assertThat(jdbc.sql("SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk WHERE m.member_id LIKE ?")
                    .param(member + "%").query(Long.class).single()).isGreaterThanOrEqualTo(5);
        } finally {
            root.detachAppender(logs);
        }

        String dump = DatabaseDump.everyColumn(jdbc);
        assertThat(dump).contains("vault_card.card_no_enc=").contains("credit_order.card_no_enc=");
        StringBuilder logText = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            logText.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logText.append(event.getThrowableProxy().getClassName()).append(' ')
                        .append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        for (String number : NUMBERS) {
            assertThat(dump).as("database holds " + number).doesNotContain(number);
            assertThat(logText.toString()).as("logs hold " + number).doesNotContain(number);
            for (String response : responses) {
                assertThat(response).as("a response holds " + number).doesNotContain(number);
            }
        }
        assertThat(String.join("\n", responses)).contains("************1486").contains("************9903");
    }
}
