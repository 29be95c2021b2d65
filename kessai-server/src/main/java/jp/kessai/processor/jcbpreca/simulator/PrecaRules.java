package jp.kessai.processor.jcbpreca.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaDecline;

/** The simulated center's decisions, as pure functions (the simulator applies them to its books). */
final class PrecaRules {

    /** Seed 000 §2.2: a debit can be cancelled within 720 hours of its execution at the center. */
    static final Duration CANCEL_WINDOW = Duration.ofHours(720);

    private PrecaRules() {}

    static PrecaAnswer debit(Optional<PrecaCard> found, String approvalNo, long amountYen, LocalDate today) {
        if (found.isEmpty()) {
            return new PrecaAnswer.Declined(PrecaDecline.UNKNOWN_CARD, null, null);
        }
        PrecaCard card = found.get();
        Optional<PrecaDecline> refusal = identify(card, approvalNo)
                .or(() -> usable(card, today))
                .or(() -> card.balanceYen() < amountYen ? Optional.of(PrecaDecline.INSUFFICIENT_BALANCE) : Optional.empty());
        if (refusal.isPresent()) {
            boolean cardKnown = refusal.get() != PrecaDecline.APPROVAL_NUMBER_MISMATCH;
            return new PrecaAnswer.Declined(refusal.get(), cardKnown ? card.state(card.activateStatus()) : null,
                    cardKnown ? card.balanceYen() : null);
        }
        int reportedActivation = card.activateStatus() == 0 ? 2 : card.activateStatus();
        return new PrecaAnswer.Approved(card.balanceYen(), card.balanceYen() - amountYen, card.state(reportedActivation));
    }

    static PrecaAnswer balance(Optional<PrecaCard> found, String approvalNo) {
        if (found.isEmpty()) {
            return new PrecaAnswer.Declined(PrecaDecline.UNKNOWN_CARD, null, null);
        }
        PrecaCard card = found.get();
        Optional<PrecaDecline> refusal = identify(card, approvalNo)
                .or(() -> card.webInquiryStatus() == 1 ? Optional.of(PrecaDecline.WEB_INQUIRY_NOT_ALLOWED) : Optional.empty());
        if (refusal.isPresent()) {
            return new PrecaAnswer.Declined(refusal.get(), null, null);
        }
        return new PrecaAnswer.Approved(card.balanceYen(), card.balanceYen(), card.state(card.activateStatus()));
    }

    /** Whether a debit executed at {@code executedAt} may still be cancelled at {@code now}. */
    static Optional<PrecaDecline> cancellable(Instant executedAt, Instant cancelledAt, Instant now) {
        if (cancelledAt != null) {
            return Optional.of(PrecaDecline.ALREADY_CANCELLED);
        }
        if (now.isAfter(executedAt.plus(CANCEL_WINDOW))) {
            return Optional.of(PrecaDecline.CANCEL_WINDOW_PASSED);
        }
        return Optional.empty();
    }

    private static Optional<PrecaDecline> identify(PrecaCard card, String approvalNo) {
        return card.approvalNo().equals(approvalNo) ? Optional.empty() : Optional.of(PrecaDecline.APPROVAL_NUMBER_MISMATCH);
    }

    private static Optional<PrecaDecline> usable(PrecaCard card, LocalDate today) {
        if (card.invalidStatus() == 1) {
            return Optional.of(PrecaDecline.INVALID_CARD);
        }
        if (card.termStatus() == 1 || card.validLimit().isBefore(today)) {
            return Optional.of(PrecaDecline.EXPIRED);
        }
        if (card.termStatus() == 2) {
            return Optional.of(PrecaDecline.BEFORE_USAGE_START);
        }
        return Optional.empty();
    }
}
