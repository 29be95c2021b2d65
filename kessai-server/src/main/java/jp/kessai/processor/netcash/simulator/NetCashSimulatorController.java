package jp.kessai.processor.netcash.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import jp.kessai.platform.db.DatabaseUnavailable;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.logging.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulated NET CASH center's customer page: enter a NET CASH card number and pay, or cancel. The page is in
 * Japanese ({@code Content-Language: ja}), lists the sandbox's test cards with what each does for this amount, and
 * its error screen offers the way back to the merchant (Kessai's result page, which posts the result to RetURL) when
 * the session is known. While the database is unreachable it answers its own error screen with 503.
 */
@Controller
class NetCashSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(NetCashSimulatorController.class);

    static final String CLOSED = "この決済は受け付けできません。";
    static final String UNAVAILABLE = "ただいまお手続きができません。しばらくしてから再度お試しください。";
    static final String FAILED = "エラーが発生しました。しばらくしてから再度お試しください。";

    private final NetCashCenterSimulator center;

    NetCashSimulatorController(NetCashCenterSimulator center) {
        this.center = center;
    }

    /** A test card as the page lists it: number, balance, and what paying this amount with it does. */
    record TestCard(String cardNo, long balanceYen, String outcome) {}

    @ModelAttribute
    void japanese(HttpServletResponse response) {
        response.setHeader("Content-Language", "ja");
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}")
    String page(@PathVariable String sessionId, Model model, HttpServletRequest http) {
        var session = center.session(sessionId).orElse(null);
        if (session == null || !session.state().equals("OPEN")) {
            logResult(http, "SESSION_CLOSED", "the payment session is not open");
            return closed(model, session);
        }
        logResult(http, "SHOWN", "payment page shown");
        return show(model, session, null);
    }

    @PostMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}/pay")
    String pay(@PathVariable String sessionId, @RequestParam(name = "cardNo", defaultValue = "") String cardNo,
            Model model, HttpServletRequest http) {
        var session = center.session(sessionId).orElse(null);
        if (session == null) {
            logResult(http, "SESSION_CLOSED", "no such payment session");
            return closed(model, null);
        }
        String digits = cardNo.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{16}")) {
            logResult(http, "BAD_CARD_NUMBER", "not a 16-digit NET CASH number");
            return show(model, session, "NET CASH番号（16桁）を入力してください。");
        }
        var outcome = center.pay(sessionId, digits);
        logResult(http, outcome.name(), switch (outcome) {
            case PAID -> "paid";
            case UNKNOWN_CARD -> "unknown NET CASH number";
            case LOCKED_CARD -> "NET CASH card locked";
            case INSUFFICIENT_BALANCE -> "insufficient balance";
            case SESSION_CLOSED -> "the payment session is not open";
            case REFUSED_BY_MERCHANT_SERVICE -> "refused by Kessai (expired or already settled)";
        });
        return switch (outcome) {
            case PAID -> "redirect:" + session.returnPath();
            case UNKNOWN_CARD -> show(model, session, "このNET CASH番号はご利用いただけません。");
            case LOCKED_CARD -> show(model, session, "このNET CASHは利用停止中です。");
            case INSUFFICIENT_BALANCE -> show(model, session, "残高が不足しています。別のNET CASHをご利用ください。");
            case SESSION_CLOSED, REFUSED_BY_MERCHANT_SERVICE -> "redirect:" + session.returnPath();
        };
    }

    @PostMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}/cancel")
    String cancel(@PathVariable String sessionId, Model model, HttpServletRequest http) {
        var session = center.session(sessionId).orElse(null);
        if (session == null) {
            logResult(http, "SESSION_CLOSED", "no such payment session");
            return closed(model, null);
        }
        boolean cancelled = center.cancel(sessionId);
        logResult(http, cancelled ? "CANCELLED" : "SESSION_CLOSED",
                cancelled ? "cancelled by the customer" : "the payment session is not open");
        return "redirect:" + session.returnPath();
    }

    /**
     * The database went away (or something else failed) under a page: the page's own error screen, 503 for a lost
     * database as the faces answer "temporarily unavailable", 500 otherwise; never Spring's error answer.
     */
    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException e, Model model, HttpServletRequest http, HttpServletResponse response) {
        boolean databaseDown = DatabaseUnavailable.causedBy(e);
        if (databaseDown) {
            log.warn("NET CASH simulator page: the database is unavailable: {}", ExceptionSummary.of(e));
        } else {
            log.error("NET CASH simulator page failed unexpectedly: {}", ExceptionSummary.of(e));
        }
        response.setStatus(databaseDown ? 503 : 500);
        response.setHeader("Content-Language", "ja");
        response.setHeader("Cache-Control", "no-store");
        logResult(http, databaseDown ? "DATABASE_UNAVAILABLE" : "SYSTEM_ERROR",
                databaseDown ? "temporarily unavailable (database)" : "unexpected failure inside Kessai");
        model.addAttribute("sessionId", null);
        model.addAttribute("error", databaseDown ? UNAVAILABLE : FAILED);
        model.addAttribute("returnPath", null);
        model.addAttribute("testCards", List.of());
        return "simulator/netcash-pay";
    }

    private String show(Model model, NetCashCenterSimulator.Session session, String error) {
        model.addAttribute("sessionId", session.sessionId());
        model.addAttribute("amount", session.amountYen());
        model.addAttribute("error", error);
        model.addAttribute("returnPath", null);
        model.addAttribute("testCards", testCards(session.amountYen()));
        return "simulator/netcash-pay";
    }

    /** The error screen; a known session (paid, cancelled) leads back through Kessai's result page to the merchant. */
    private static String closed(Model model, NetCashCenterSimulator.Session session) {
        model.addAttribute("sessionId", null);
        model.addAttribute("error", CLOSED);
        model.addAttribute("returnPath", session == null ? null : session.returnPath());
        model.addAttribute("testCards", List.of());
        return "simulator/netcash-pay";
    }

    /** The seeded test cards as they are now (a card changed through the sandbox API shows its current state). */
    private List<TestCard> testCards(long amountYen) {
        return NetCashTestCards.all().stream()
                .map(seeded -> center.findCard(seeded.cardNo()).orElse(seeded))
                .map(card -> new TestCard(card.cardNo(), card.balanceYen(), card.locked() ? "利用停止中（エラー）"
                        : card.balanceYen() < amountYen ? "残高不足（エラー）" : "お支払いできます"))
                .toList();
    }

    private static void logResult(HttpServletRequest http, String result, String meaning) {
        RequestLog.of(http).result(result, meaning);
    }
}
