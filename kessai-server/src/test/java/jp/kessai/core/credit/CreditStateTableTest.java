package jp.kessai.core.credit;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The credit state table held against openapi-type reference §4.5, row by row, and every other move rejected. */
class CreditStateTableTest {

    @ParameterizedTest(name = "{0} --{1}/{2}--> {3}")
    @CsvSource({
            // charge without 3-D Secure: AUTH mode → AUTH, CAPTURE mode → CAPTURE (S: response descriptions)
            "UNPROCESSED, AUTHORIZE, SUCCESS, AUTH",
            "UNPROCESSED, AUTH_AND_CAPTURE, SUCCESS, CAPTURE",
            "UNPROCESSED, AUTHORIZE, FAILURE, UNPROCESSED",
            "UNPROCESSED, AUTH_AND_CAPTURE, FAILURE, UNPROCESSED",
            // /order/capture: AUTH → SALES (S: example)
            "AUTH, CAPTURE, SUCCESS, SALES",
            "AUTH, CAPTURE, FAILURE, AUTH",
            // /order/update: AUTH/SALES/CAPTURE → AUTH or CAPTURE as asked; the old state stays on failure (S)
            "AUTH, REAUTHORIZE, SUCCESS, AUTH", "AUTH, REAUTH_CAPTURE, SUCCESS, CAPTURE",
            "SALES, REAUTHORIZE, SUCCESS, AUTH", "SALES, REAUTH_CAPTURE, SUCCESS, CAPTURE",
            "CAPTURE, REAUTHORIZE, SUCCESS, AUTH", "CAPTURE, REAUTH_CAPTURE, SUCCESS, CAPTURE",
            "AUTH, REAUTHORIZE, FAILURE, AUTH", "SALES, REAUTH_CAPTURE, FAILURE, SALES",
            "CAPTURE, REAUTHORIZE, FAILURE, CAPTURE",
            // /order/cancel: any paid or authorised → CANCEL (S: examples)
            "AUTH, CANCEL, SUCCESS, CANCEL", "SALES, CANCEL, SUCCESS, CANCEL", "CAPTURE, CANCEL, SUCCESS, CANCEL",
            "AUTH, CANCEL, FAILURE, AUTH",
            // /credit/verifyCard: a new order → CHECK; a refused verification leaves it UNPROCESSED (S: examples)
            "UNPROCESSED, VERIFY, SUCCESS, CHECK", "UNPROCESSED, VERIFY, FAILURE, UNPROCESSED",
            // 3-D Secure (seed 003 処理シーケンス; OAS: the 202's status is AUTHENTICATED, finalize gives AUTH,
            // CAPTURE or CHECK); a failed authorisation after authentication leaves the OrderID chargeable again
            "UNPROCESSED, TDS_ENTRY, SUCCESS, AUTHENTICATED", "UNPROCESSED, TDS_ENTRY, FAILURE, UNPROCESSED",
            "AUTHENTICATED, AUTHORIZE, SUCCESS, AUTH", "AUTHENTICATED, AUTH_AND_CAPTURE, SUCCESS, CAPTURE",
            "AUTHENTICATED, VERIFY, SUCCESS, CHECK", "AUTHENTICATED, AUTHORIZE, FAILURE, UNPROCESSED",
            "AUTHENTICATED, VERIFY, FAILURE, UNPROCESSED"})
    void referenceRows(OrderStatus from, Operation operation, String outcome, OrderStatus to) {
        var result = outcome.equals("SUCCESS") ? SUCCESS : FAILURE;
        assertThat(CreditStateTable.TABLE.next(from, operation, result)).contains(to);
    }

    @Test
    void everyOtherMoveIsRejected() {
        Set<String> allowed = Set.of(
                "UNPROCESSED AUTHORIZE", "UNPROCESSED AUTH_AND_CAPTURE", "AUTH CAPTURE",
                "AUTH REAUTHORIZE", "AUTH REAUTH_CAPTURE", "SALES REAUTHORIZE", "SALES REAUTH_CAPTURE",
                "CAPTURE REAUTHORIZE", "CAPTURE REAUTH_CAPTURE", "AUTH CANCEL", "SALES CANCEL", "CAPTURE CANCEL",
                "UNPROCESSED TDS_ENTRY", "AUTHENTICATED AUTHORIZE", "AUTHENTICATED AUTH_AND_CAPTURE",
                "AUTHENTICATED VERIFY", "AUTHENTICATED TDS_FAIL", "AUTHENTICATED EXPIRE", "UNPROCESSED VERIFY");
        for (OrderStatus state : EnumSet.allOf(OrderStatus.class)) {
            for (Operation operation : EnumSet.complementOf(EnumSet.of(Operation.ENTRY))) {
                assertThat(CreditStateTable.TABLE.allows(state, operation))
                        .as(state + " " + operation).isEqualTo(allowed.contains(state + " " + operation));
            }
        }
        assertThat(CreditStateTable.TABLE.allows(OrderStatus.CANCEL, Operation.CANCEL)).isFalse();
        assertThat(CreditStateTable.TABLE.allows(OrderStatus.SALES, Operation.CAPTURE)).isFalse();
        // no authorisation without a successful authentication, none after a failed one
        assertThat(CreditStateTable.TABLE.next(OrderStatus.AUTHENTICATED, Operation.TDS_FAIL, null)).contains(OrderStatus.UNPROCESSED);
        assertThat(CreditStateTable.TABLE.allows(OrderStatus.CHECK, Operation.CAPTURE)).isFalse();
    }

    @Test
    void printsTheTableForReview() {
        String rendered = CreditStateTable.TABLE.render();
        System.out.println(rendered);
        assertThat(rendered).contains("| CAPTURE | SUCCESS | AUTH | SALES |")
                .contains("| CAPTURE | PENDING | AUTH | AUTH (held: call in flight) |")
                .contains("| CAPTURE | UNKNOWN | AUTH | AUTH (held until reconciled) |")
                .contains("| TDS_ENTRY | SUCCESS | UNPROCESSED | AUTHENTICATED |")
                .contains("| TDS_FAIL | — | AUTHENTICATED | UNPROCESSED |");
    }

    @Test
    void theCaptureDeadlineIsTheSeedsExample() {
        ZoneId jst = ZoneId.of("Asia/Tokyo");
        // seed 003: authorised 2020/1/8 17:00 → capture until 2020/3/8 23:59:59
        Instant authorized = Instant.parse("2020-01-08T08:00:00Z");
        assertThat(CreditOrders.captureDeadline(authorized, jst)).isEqualTo(Instant.parse("2020-03-08T14:59:59Z"));
        // just after midnight JST is still the next day in Japan
        assertThat(CreditOrders.captureDeadline(Instant.parse("2020-01-07T15:30:00Z"), jst))
                .isEqualTo(Instant.parse("2020-03-08T14:59:59Z"));
    }
}
