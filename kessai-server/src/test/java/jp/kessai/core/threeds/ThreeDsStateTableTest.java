package jp.kessai.core.threeds;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import jp.kessai.core.credit.CreditStateTable;
import jp.kessai.core.order.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 3-D Secure flow's table held against seed 003's two sequences (自動オーソリあり / なし), row by row, every other
 * move rejected; printed next to the credit table's 3DS rows so a reviewer can lay them beside the sequences.
 */
class ThreeDsStateTableTest {

    @ParameterizedTest(name = "{0} --{1}/{2}--> {3}")
    @CsvSource({
            // psp->>tds: 認証初期化 / tds-->>psp: 認証URL (the merchant gets the 202)
            "INITIATING, TDS_ENTRY, SUCCESS, METHOD", "INITIATING, TDS_ENTRY, FAILURE, FAILED",
            // psp->>tds: 認証依頼 / tds-->>psp: 認証結果 (frictionless Y or an accepted A; N, R, U, a refused A)
            "METHOD, TDS_AUTHENTICATE, SUCCESS, AUTHENTICATED", "METHOD, TDS_AUTHENTICATE, FAILURE, FAILED",
            // opt 認証チャレンジが必要な場合: チャレンジ判定依頼 / チャレンジ結果
            "CHALLENGE, TDS_CHALLENGE, SUCCESS, AUTHENTICATED", "CHALLENGE, TDS_CHALLENGE, FAILURE, FAILED",
            // else 認証成功の場合: psp->>acq: オーソリ (automatic, or /finalizeCharge, /finalizeVerification)
            "AUTHENTICATED, AUTHORIZE, SUCCESS, FINISHED", "AUTHENTICATED, AUTHORIZE, FAILURE, FINISHED",
            "AUTHENTICATED, AUTH_AND_CAPTURE, SUCCESS, FINISHED", "AUTHENTICATED, VERIFY, SUCCESS, FINISHED"})
    void sequenceRows(ThreeDsFlowState from, Operation operation, String outcome, ThreeDsFlowState to) {
        assertThat(ThreeDsStateTable.TABLE.next(from, operation, outcome.equals("SUCCESS") ? SUCCESS : FAILURE))
                .contains(to);
    }

    @Test
    void theChallengeAndExpiryAreMovesWithoutACall() {
        assertThat(ThreeDsStateTable.TABLE.next(ThreeDsFlowState.METHOD, Operation.TDS_CHALLENGE, null))
                .contains(ThreeDsFlowState.CHALLENGE);
        for (ThreeDsFlowState open : EnumSet.of(ThreeDsFlowState.INITIATING, ThreeDsFlowState.METHOD,
                ThreeDsFlowState.CHALLENGE, ThreeDsFlowState.AUTHENTICATED)) {
            assertThat(ThreeDsStateTable.TABLE.next(open, Operation.EXPIRE, null)).contains(ThreeDsFlowState.EXPIRED);
            assertThat(open.open()).isTrue();
        }
    }

    @Test
    void everyOtherMoveIsRejected() {
        Set<String> allowed = Set.of("INITIATING TDS_ENTRY", "METHOD TDS_AUTHENTICATE", "METHOD TDS_CHALLENGE",
                "CHALLENGE TDS_CHALLENGE", "AUTHENTICATED AUTHORIZE", "AUTHENTICATED AUTH_AND_CAPTURE",
                "AUTHENTICATED VERIFY", "INITIATING EXPIRE", "METHOD EXPIRE", "CHALLENGE EXPIRE", "AUTHENTICATED EXPIRE");
        for (ThreeDsFlowState state : ThreeDsFlowState.values()) {
            for (Operation operation : EnumSet.complementOf(EnumSet.of(Operation.ENTRY))) {
                assertThat(ThreeDsStateTable.TABLE.allows(state, operation)).as(state + " " + operation)
                        .isEqualTo(allowed.contains(state + " " + operation));
            }
        }
        // a failed authentication never reaches an authorisation
        assertThat(ThreeDsStateTable.TABLE.allows(ThreeDsFlowState.FAILED, Operation.AUTHORIZE)).isFalse();
        assertThat(ThreeDsStateTable.TABLE.allows(ThreeDsFlowState.FINISHED, Operation.AUTHORIZE)).isFalse();
    }

    @Test
    void printsTheFlowAndTheOrdersRowsForReview() {
        String flow = ThreeDsStateTable.TABLE.render();
        String order = CreditStateTable.TABLE.render().lines()
                .filter(line -> line.contains("AUTHENTICATED") || line.contains("TDS_") || line.startsWith("|---")
                        || line.startsWith("| operation"))
                .reduce("Credit order rows of 3-D Secure\n", (a, b) -> a + b + "\n");
        System.out.println(flow);
        System.out.println(order);
        assertThat(flow).contains("| TDS_AUTHENTICATE | SUCCESS | METHOD | AUTHENTICATED |")
                .contains("| TDS_CHALLENGE | — | METHOD | CHALLENGE |")
                .contains("| AUTHORIZE | UNKNOWN | AUTHENTICATED | AUTHENTICATED (held until reconciled) |");
        assertThat(order).contains("| AUTHORIZE | SUCCESS | AUTHENTICATED | AUTH |")
                .contains("| EXPIRE | — | AUTHENTICATED | UNPROCESSED |");
    }

    @Test
    void allowAttemptFollowsTheShopsContractOnlyWithFollow() {
        assertThat(AllowAttempt.ALLOW.accepts(true)).isTrue();
        assertThat(AllowAttempt.NOT_ALLOW.accepts(false)).isFalse();
        assertThat(AllowAttempt.FOLLOW.accepts(false)).isTrue();
        assertThat(AllowAttempt.FOLLOW.accepts(true)).isFalse();
    }
}
