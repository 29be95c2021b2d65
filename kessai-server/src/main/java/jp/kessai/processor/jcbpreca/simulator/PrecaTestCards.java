package jp.kessai.processor.jcbpreca.simulator;

import java.time.LocalDate;
import java.util.List;

/** The seeded sandbox prepaid cards, one per outcome (docs/test-cards.md lists the same). */
public final class PrecaTestCards {

    public static final String APPROVAL_NO = "1234";
    private static final LocalDate FAR_FUTURE = LocalDate.of(2099, 12, 31);

    private PrecaTestCards() {}

    public static List<PrecaCard> all() {
        return List.of(
                card("9990000000000001", 100_000, 1, 0, 0, 0, FAR_FUTURE),   // success
                card("9990000000000002", 500, 1, 0, 0, 0, FAR_FUTURE),       // insufficient balance above 500 yen
                card("9990000000000003", 10_000, 0, 0, 0, 0, FAR_FUTURE),    // not activated: first use activates (2)
                card("9990000000000004", 10_000, 1, 1, 0, 0, FAR_FUTURE),    // expired (term status 1)
                card("9990000000000005", 10_000, 1, 2, 0, 0, FAR_FUTURE),    // before usage start (term status 2)
                card("9990000000000006", 10_000, 1, 0, 1, 0, FAR_FUTURE),    // invalid card
                card("9990000000000007", 10_000, 1, 0, 0, 1, FAR_FUTURE),    // web inquiry not allowed
                card("9990000000000008", 10_000, 1, 0, 0, 0, LocalDate.of(2020, 3, 31)), // valid limit passed
                card("9990000000000009", 99_999_999, 1, 0, 0, 0, FAR_FUTURE)); // large balance for load tests
    }

    private static PrecaCard card(String number, long balance, int activate, int term, int invalid, int web, LocalDate limit) {
        return new PrecaCard(number, APPROVAL_NO, balance, activate, term, invalid, web, limit, "0001");
    }
}
