package jp.kessai.processor.jcbpreca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCardState;
import jp.kessai.processor.jcbpreca.PrecaDecline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulated JCB Preca center's decisions (seed 000 §2.1–2.3), one row per case. */
class PrecaRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final String APPROVAL = "1234";
    private static final String CARD_NO = "9990000000001234";

    /** An activated, valid, in-term card with web inquiry allowed and a far valid limit. */
    private static PrecaCard card(long balanceYen) {
        return PrecaCard.withDefaults(CARD_NO, APPROVAL, balanceYen);
    }

    private static PrecaCard card(long balanceYen, int activate, int term, int invalid, int web, LocalDate validLimit) {
        return new PrecaCard(CARD_NO, APPROVAL, balanceYen, activate, term, invalid, web, validLimit, "0042");
    }

    // --- debit: declines -------------------------------------------------------------------------------------

    static Stream<Arguments> debitDeclines() {
        LocalDate far = LocalDate.of(2099, 12, 31);
        return Stream.of(
                argumentSet("unknown card", Optional.empty(), APPROVAL, 100L, PrecaDecline.UNKNOWN_CARD, false),
                argumentSet("approval number mismatch", Optional.of(card(10_000)), "9999", 100L,
                        PrecaDecline.APPROVAL_NUMBER_MISMATCH, false),
                argumentSet("approval number mismatch hides the card even when it is also unusable",
                        Optional.of(card(50, 1, 1, 1, 0, LocalDate.of(2020, 1, 1))), "9999", 100L,
                        PrecaDecline.APPROVAL_NUMBER_MISMATCH, false),
                argumentSet("invalid card (invalid status 1)", Optional.of(card(10_000, 1, 0, 1, 0, far)), APPROVAL, 100L,
                        PrecaDecline.INVALID_CARD, true),
                argumentSet("expired by term status 1", Optional.of(card(10_000, 1, 1, 0, 0, far)), APPROVAL, 100L,
                        PrecaDecline.EXPIRED, true),
                argumentSet("expired: valid limit the day before today", Optional.of(card(10_000, 1, 0, 0, 0, TODAY.minusDays(1))),
                        APPROVAL, 100L, PrecaDecline.EXPIRED, true),
                argumentSet("before usage start (term status 2)", Optional.of(card(10_000, 1, 2, 0, 0, far)), APPROVAL, 100L,
                        PrecaDecline.BEFORE_USAGE_START, true),
                argumentSet("insufficient balance by 1 yen", Optional.of(card(999)), APPROVAL, 1000L,
                        PrecaDecline.INSUFFICIENT_BALANCE, true),
                argumentSet("insufficient balance on a non-activated card", Optional.of(card(10, 0, 0, 0, 0, far)),
                        APPROVAL, 1000L, PrecaDecline.INSUFFICIENT_BALANCE, true));
    }

    @ParameterizedTest
    @MethodSource("debitDeclines")
    void debitIsDeclined(Optional<PrecaCard> card, String approvalNo, long amountYen, PrecaDecline reason, boolean cardReported) {
        PrecaAnswer answer = PrecaRules.debit(card, approvalNo, amountYen, TODAY);

        assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Declined.class, declined -> {
            assertThat(declined.reason()).isEqualTo(reason);
            if (cardReported) {
                PrecaCard known = card.orElseThrow();
                assertThat(declined.balanceYen()).as("balance reported unchanged").isEqualTo(known.balanceYen());
                assertThat(declined.card()).as("card state as stored (a decline never activates)")
                        .isEqualTo(known.state(known.activateStatus()));
            } else {
                assertThat(declined.card()).as("no card state without identification").isNull();
                assertThat(declined.balanceYen()).as("no balance without identification").isNull();
            }
        });
    }

    // --- debit: approvals ------------------------------------------------------------------------------------

    static Stream<Arguments> debitApprovals() {
        LocalDate far = LocalDate.of(2099, 12, 31);
        return Stream.of(
                // card, amount, before, after, reported activate status
                argumentSet("ordinary debit", card(10_000), 1080L, 10_000L, 8920L, 1),
                argumentSet("exact balance leaves 0 yen", card(1000), 1000L, 1000L, 0L, 1),
                argumentSet("first use of a non-activated card reports 2", card(5000, 0, 0, 0, 0, far), 300L, 5000L, 4700L, 2),
                argumentSet("valid limit today is still usable", card(5000, 1, 0, 0, 0, TODAY), 100L, 5000L, 4900L, 1),
                argumentSet("web inquiry status does not restrict payment", card(5000, 1, 0, 0, 1, far), 100L, 5000L, 4900L, 1));
    }

    @ParameterizedTest
    @MethodSource("debitApprovals")
    void debitIsApproved(PrecaCard card, long amountYen, long beforeYen, long afterYen, int reportedActivateStatus) {
        PrecaAnswer answer = PrecaRules.debit(Optional.of(card), APPROVAL, amountYen, TODAY);

        assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Approved.class, approved -> {
            assertThat(approved.beforeBalanceYen()).isEqualTo(beforeYen);
            assertThat(approved.afterBalanceYen()).isEqualTo(afterYen);
            assertThat(approved.card()).isEqualTo(new PrecaCardState(reportedActivateStatus, card.termStatus(),
                    card.invalidStatus(), card.webInquiryStatus(), card.validLimit(), card.cardTypeCode()));
        });
    }

    // --- balance inquiry -------------------------------------------------------------------------------------

    static Stream<Arguments> balanceDeclines() {
        return Stream.of(
                argumentSet("unknown card", Optional.empty(), APPROVAL, PrecaDecline.UNKNOWN_CARD),
                argumentSet("approval number mismatch", Optional.of(card(10_000)), "12345", PrecaDecline.APPROVAL_NUMBER_MISMATCH),
                argumentSet("web inquiry not allowed", Optional.of(card(10_000, 1, 0, 0, 1, LocalDate.of(2099, 12, 31))),
                        APPROVAL, PrecaDecline.WEB_INQUIRY_NOT_ALLOWED));
    }

    @ParameterizedTest
    @MethodSource("balanceDeclines")
    void balanceInquiryIsDeclined(Optional<PrecaCard> card, String approvalNo, PrecaDecline reason) {
        assertThat(PrecaRules.balance(card, approvalNo)).isInstanceOfSatisfying(PrecaAnswer.Declined.class, declined -> {
            assertThat(declined.reason()).isEqualTo(reason);
            assertThat(declined.balanceYen()).as("no balance revealed").isNull();
            assertThat(declined.card()).isNull();
        });
    }

    static Stream<Arguments> balanceApprovals() {
        LocalDate far = LocalDate.of(2099, 12, 31);
        return Stream.of(
                argumentSet("activated card", card(12_345)),
                argumentSet("non-activated card stays 0 (an inquiry does not activate)", card(700, 0, 0, 0, 0, far)),
                argumentSet("zero balance", card(0)),
                argumentSet("expired card can still be inquired", card(50, 1, 1, 0, 0, far)));
    }

    @ParameterizedTest
    @MethodSource("balanceApprovals")
    void balanceInquiryReportsTheStoredCardUnchanged(PrecaCard card) {
        assertThat(PrecaRules.balance(Optional.of(card), APPROVAL)).isInstanceOfSatisfying(PrecaAnswer.Approved.class, approved -> {
            assertThat(approved.beforeBalanceYen()).isEqualTo(card.balanceYen());
            assertThat(approved.afterBalanceYen()).isEqualTo(card.balanceYen());
            assertThat(approved.card().activateStatus()).isEqualTo(card.activateStatus());
            assertThat(approved.card()).isEqualTo(card.state(card.activateStatus()));
        });
    }

    // --- cancel window ---------------------------------------------------------------------------------------

    private static final Instant EXECUTED = Instant.parse("2026-04-01T03:00:00Z");

    static Stream<Arguments> cancelWindow() {
        Duration window = Duration.ofHours(720);
        return Stream.of(
                argumentSet("right after the debit", null, EXECUTED.plusSeconds(1), null),
                argumentSet("720 hours exactly", null, EXECUTED.plus(window), null),
                argumentSet("720 hours + 1 second", null, EXECUTED.plus(window).plusSeconds(1), PrecaDecline.CANCEL_WINDOW_PASSED),
                argumentSet("31 days", null, EXECUTED.plus(Duration.ofDays(31)), PrecaDecline.CANCEL_WINDOW_PASSED),
                argumentSet("already cancelled", EXECUTED.plusSeconds(60), EXECUTED.plusSeconds(120), PrecaDecline.ALREADY_CANCELLED),
                argumentSet("already cancelled, window also passed", EXECUTED.plusSeconds(60),
                        EXECUTED.plus(window).plusSeconds(1), PrecaDecline.ALREADY_CANCELLED));
    }

    @ParameterizedTest
    @MethodSource("cancelWindow")
    void cancellable(Instant cancelledAt, Instant now, PrecaDecline expected) {
        assertThat(PrecaRules.cancellable(EXECUTED, cancelledAt, now)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void cancelWindowIsSeedSevenHundredTwentyHours() {
        assertThat(PrecaRules.CANCEL_WINDOW).isEqualTo(Duration.ofDays(30));
    }

    // --- seeded sandbox cards do what their comments (and docs/test-cards.md) promise ------------------------

    /** Expected debit outcome per seeded card: null decline = approved. */
    private record Claim(long amountYen, PrecaDecline debitDecline, Long afterYen, Integer activateStatus,
            PrecaDecline balanceDecline) {}

    private static final Map<String, Claim> CLAIMS = Map.of(
            "9990000000000001", new Claim(1000, null, 99_000L, 1, null),                          // success
            "9990000000000002", new Claim(501, PrecaDecline.INSUFFICIENT_BALANCE, null, null, null), // > 500 yen
            "9990000000000003", new Claim(1000, null, 9000L, 2, null),                            // first use activates
            "9990000000000004", new Claim(100, PrecaDecline.EXPIRED, null, null, null),
            "9990000000000005", new Claim(100, PrecaDecline.BEFORE_USAGE_START, null, null, null),
            "9990000000000006", new Claim(100, PrecaDecline.INVALID_CARD, null, null, null),
            "9990000000000007", new Claim(100, null, 9900L, 1, PrecaDecline.WEB_INQUIRY_NOT_ALLOWED),
            "9990000000000008", new Claim(100, PrecaDecline.EXPIRED, null, null, null),           // valid limit passed
            "9990000000000009", new Claim(99_999_999, null, 0L, 1, null));                        // largest 8-digit amount

    static Stream<Arguments> seededCards() {
        return PrecaTestCards.all().stream().map(c -> argumentSet("card " + c.cardNo(), c));
    }

    @Test
    void everySeededCardHasAClaimAndAllShareTheDocumentedApprovalNumber() {
        List<PrecaCard> cards = PrecaTestCards.all();
        assertThat(cards.stream().map(PrecaCard::cardNo).collect(Collectors.toSet())).isEqualTo(CLAIMS.keySet());
        assertThat(cards).extracting(PrecaCard::approvalNo).containsOnly(PrecaTestCards.APPROVAL_NO);
    }

    @ParameterizedTest
    @MethodSource("seededCards")
    void seededCardProducesItsClaimedDebitOutcome(PrecaCard card) {
        Claim claim = CLAIMS.get(card.cardNo());
        PrecaAnswer answer = PrecaRules.debit(Optional.of(card), PrecaTestCards.APPROVAL_NO, claim.amountYen(), TODAY);
        if (claim.debitDecline() == null) {
            assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Approved.class, approved -> {
                assertThat(approved.beforeBalanceYen()).isEqualTo(card.balanceYen());
                assertThat(approved.afterBalanceYen()).isEqualTo(claim.afterYen());
                assertThat(approved.card().activateStatus()).isEqualTo(claim.activateStatus());
            });
        } else {
            assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Declined.class,
                    declined -> assertThat(declined.reason()).isEqualTo(claim.debitDecline()));
        }
    }

    @ParameterizedTest
    @MethodSource("seededCards")
    void seededCardProducesItsClaimedBalanceInquiryOutcome(PrecaCard card) {
        Claim claim = CLAIMS.get(card.cardNo());
        PrecaAnswer answer = PrecaRules.balance(Optional.of(card), PrecaTestCards.APPROVAL_NO);
        if (claim.balanceDecline() == null) {
            assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Approved.class,
                    approved -> assertThat(approved.afterBalanceYen()).isEqualTo(card.balanceYen()));
        } else {
            assertThat(answer).isInstanceOfSatisfying(PrecaAnswer.Declined.class,
                    declined -> assertThat(declined.reason()).isEqualTo(claim.balanceDecline()));
        }
    }

    @Test
    void insufficientBalanceCardApprovesExactlyFiveHundredYen() {
        PrecaCard card = PrecaTestCards.all().stream().filter(c -> c.cardNo().equals("9990000000000002")).findFirst().orElseThrow();
        assertThat(PrecaRules.debit(Optional.of(card), PrecaTestCards.APPROVAL_NO, 500, TODAY))
                .isInstanceOfSatisfying(PrecaAnswer.Approved.class, a -> assertThat(a.afterBalanceYen()).isZero());
    }
}
