package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regression: {@code openapi_idempotency.request_hash} was a plain SHA-256 of the whole /credit/charge body, card
 * number and security code included, kept for ever — enough to recover the card by testing guesses. After charges
 * with known cards, security codes and Idempotency-Keys (successes, a decline, a replay), every column of every table
 * is dumped as text (bytea as hex), and none of the card numbers, security codes, or SHA-256 / SHA-1 / MD5 (hex, and
 * the raw bytes as hex) of the card number, the security code, the body as sent or the body as Kessai canonicalises
 * it may appear.
 */
class CardDataAtRestIT extends OpenApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CARDS_AND_CODES = new LinkedHashMap<>();

    static {
        CARDS_AND_CODES.put(CardTestCards.VISA, "7391");
        CARDS_AND_CODES.put(CardTestCards.MASTERCARD, "8264");
        CARDS_AND_CODES.put(CardTestCards.JCB, "592");
        CARDS_AND_CODES.put(CardTestCards.AMEX, "4703");
        CARDS_AND_CODES.put(CardTestCards.DECLINED, "6158");
    }

    @Test
    void noCardNumberSecurityCodeOrDigestOfThemIsStoredAnywhere() throws Exception {
        List<String> bodies = new ArrayList<>();
        CARDS_AND_CODES.forEach((card, code) -> {
            String body = chargeBody(newOrderId(), 2500, card, "AUTH", "").replace("\"securityCode\":\"123\"",
                    "\"securityCode\":\"" + code + "\"");
            String key = newKey();
            var first = api.post("/credit/charge", body, idempotencyKey(key));
            assertThat(first.status()).as(first.body()).isIn(201, 402);
            var again = api.post("/credit/charge", body, idempotencyKey(key)); // a replay (or a retry of the decline)
            assertThat(again.status()).isEqualTo(first.status());
            bodies.add(body);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM openapi_idempotency WHERE state = 'DONE'").query(Long.class).single())
                .isGreaterThanOrEqualTo(4);

        String dump = dumpEveryColumn();

        Map<String, String> forbidden = new LinkedHashMap<>();
        CARDS_AND_CODES.forEach((card, code) -> {
            forbidden.put("card number " + card, card);
            forbidden.putAll(digests("card number " + card, card.getBytes(StandardCharsets.UTF_8)));
            forbidden.putAll(digests("security code " + code, code.getBytes(StandardCharsets.UTF_8)));
        });
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            forbidden.putAll(digests("body " + i + " as sent", body.getBytes(StandardCharsets.UTF_8)));
            forbidden.putAll(digests("body " + i + " canonical", JSON.writeValueAsBytes(JSON.readTree(body))));
        }
        assertThat(forbidden).hasSize(CARDS_AND_CODES.size() * (1 + 2 * 9) + bodies.size() * 2 * 9);
        forbidden.forEach((what, text) -> assertThat(dump.contains(text)).as(what + " (" + text + ") is stored").isFalse());
        String textDump = dumpEveryColumn(false);
        for (String code : CARDS_AND_CODES.values()) {
            // a 3-4 digit code may occur by chance inside ids, hex or times: look for it as a value of its own
            Pattern alone = Pattern.compile("(?<![0-9A-Za-z.:+-])" + code + "(?![0-9A-Za-z.:])");
            var found = alone.matcher(textDump);
            assertThat(found.find()).as(() -> "security code " + code + " is stored: …" + textDump.substring(
                    Math.max(0, found.start() - 120), Math.min(textDump.length(), found.end() + 60)) + "…")
                    .isFalse();
        }
        assertThat(dump).doesNotContain("securityCode").contains("************1111");
    }

    /** SHA-256, SHA-1 and MD5 of {@code data}, each as hex (the dump shows bytea and text that way). */
    private static Map<String, String> digests(String what, byte[] data) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String algorithm : new String[] {"SHA-256", "SHA-1", "MD5"}) {
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(data);
                // bytea columns are dumped as hex, so the raw bytes show up as this hex; text columns holding the hex
                // (either case) show it too
                digests.put(algorithm + " of " + what, HexFormat.of().formatHex(digest));
                digests.put(algorithm + " (upper-case hex) of " + what, HexFormat.of().withUpperCase().formatHex(digest));
                digests.put(algorithm + " (base64) of " + what, java.util.Base64.getEncoder().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return digests;
    }

    /** Every value of every column of every user table, as text; bytea as lowercase hex. */
    private String dumpEveryColumn() {
        return dumpEveryColumn(true);
    }

    /**
     * Every column of every table as text; without {@code integers}, the integer-typed columns (ids, amounts,
     * counters) are left out: a sequence reaching 592 is not a security code, and no code is kept as an integer.
     */
    private String dumpEveryColumn(boolean integers) {
        var columns = jdbc.sql("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                  FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                 ORDER BY 1, 2, c.ordinal_position""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(columns).extracting(c -> c.get(1)).contains("openapi_idempotency", "credit_order", "payment_order",
                "order_operation", "sim_card_authorization");
        StringBuilder dump = new StringBuilder();
        for (List<String> column : columns) {
            if (!integers && List.of("smallint", "integer", "bigint").contains(column.get(3))) {
                continue;
            }
            String name = "\"" + column.get(2).replace("\"", "\"\"") + "\"";
            String value = column.get(3).equals("bytea") ? "encode(" + name + ", 'hex')" : name + "::text";
            String table = "\"" + column.get(0) + "\".\"" + column.get(1) + "\"";
            String values = jdbc.sql("SELECT coalesce(string_agg(" + value + ", '|'), '') FROM " + table).query(String.class).single();
            dump.append(column.get(1)).append('.').append(column.get(2)).append('=').append(values).append('\n');
        }
        return dump.toString();
    }
}
