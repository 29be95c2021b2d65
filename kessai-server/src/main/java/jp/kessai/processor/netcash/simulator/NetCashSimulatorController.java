package jp.kessai.processor.netcash.simulator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The simulated NET CASH center's customer page: enter a NET CASH card number and pay, or cancel. */
@Controller
class NetCashSimulatorController {

    private final NetCashCenterSimulator center;

    NetCashSimulatorController(NetCashCenterSimulator center) {
        this.center = center;
    }

    @GetMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}")
    String page(@PathVariable String sessionId, Model model) {
        return center.session(sessionId)
                .filter(s -> s.state().equals("OPEN"))
                .map(s -> show(model, s, null))
                .orElseGet(() -> closed(model));
    }

    @PostMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}/pay")
    String pay(@PathVariable String sessionId, @RequestParam(name = "cardNo", defaultValue = "") String cardNo, Model model) {
        var session = center.session(sessionId).orElse(null);
        if (session == null) {
            return closed(model);
        }
        String digits = cardNo.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{16}")) {
            return show(model, session, "NET CASH番号（16桁）を入力してください。");
        }
        return switch (center.pay(sessionId, digits)) {
            case PAID -> "redirect:" + session.returnPath();
            case UNKNOWN_CARD -> show(model, session, "このNET CASH番号はご利用いただけません。");
            case LOCKED_CARD -> show(model, session, "このNET CASHは利用停止中です。");
            case INSUFFICIENT_BALANCE -> show(model, session, "残高が不足しています。別のNET CASHをご利用ください。");
            case SESSION_CLOSED, REFUSED_BY_MERCHANT_SERVICE -> "redirect:" + session.returnPath();
        };
    }

    @PostMapping(NetCashCenterSimulator.PAGE_PREFIX + "{sessionId}/cancel")
    String cancel(@PathVariable String sessionId, Model model) {
        var session = center.session(sessionId).orElse(null);
        if (session == null) {
            return closed(model);
        }
        center.cancel(sessionId);
        return "redirect:" + session.returnPath();
    }

    private static String show(Model model, NetCashCenterSimulator.Session session, String error) {
        model.addAttribute("sessionId", session.sessionId());
        model.addAttribute("amount", session.amountYen());
        model.addAttribute("error", error);
        return "simulator/netcash-pay";
    }

    private static String closed(Model model) {
        model.addAttribute("sessionId", null);
        model.addAttribute("error", "この決済は受け付けできません。");
        return "simulator/netcash-pay";
    }
}
