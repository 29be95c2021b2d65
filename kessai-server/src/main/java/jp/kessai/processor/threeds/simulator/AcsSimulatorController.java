package jp.kessai.processor.threeds.simulator;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The simulated issuer's ACS pages: the 3DS Method page (loaded in a hidden frame while Kessai's page waits) and the
 * one-time password challenge (right / wrong / wrong three times / cancel / time out). When the challenge ends the
 * browser goes back to the notification path Kessai gave when it initiated the transaction.
 */
@Controller
class AcsSimulatorController {

    private static final String ID = "[0-9a-f-]{36}";

    private final ThreeDsServerSimulator acs;
    private final Clock clock;

    AcsSimulatorController(ThreeDsServerSimulator acs, Clock clock) {
        this.acs = acs;
        this.clock = clock;
    }

    @GetMapping(value = ThreeDsServerSimulator.ACS_PREFIX + "method/{id}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> method(@PathVariable String id) {
        if (id.matches(ID)) {
            acs.methodVisited(id);
        }
        return ResponseEntity.ok("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>3DS Method</title>"
                + "</head><body>3DS Method (Kessai ACS simulator)</body></html>");
    }

    @GetMapping(ThreeDsServerSimulator.ACS_PREFIX + "challenge/{id}")
    String challenge(@PathVariable String id, Model model) {
        return show(id, model, null);
    }

    @PostMapping(ThreeDsServerSimulator.ACS_PREFIX + "challenge/{id}")
    String submit(@PathVariable String id, @RequestParam(name = "otp", defaultValue = "") String otp, Model model) {
        if (!id.matches(ID)) {
            return closed(model);
        }
        String password = otp.strip();
        return switch (acs.submit(id, password.length() > 16 ? "" : password)) {
            case AUTHENTICATED, FAILED, TIMED_OUT -> back(id, model);
            case WRONG_PASSWORD -> show(id, model, "ワンタイムパスワードが正しくありません。");
            case CLOSED -> closed(model);
        };
    }

    @PostMapping(ThreeDsServerSimulator.ACS_PREFIX + "challenge/{id}/cancel")
    String cancel(@PathVariable String id, Model model) {
        if (!id.matches(ID)) {
            return closed(model);
        }
        acs.cancel(id);
        return back(id, model);
    }

    /** The page's timer ran out: the ACS ends the challenge if its window really passed, else shows it again. */
    @PostMapping(ThreeDsServerSimulator.ACS_PREFIX + "challenge/{id}/timeout")
    String timeout(@PathVariable String id, Model model) {
        var open = id.matches(ID) ? acs.openChallenge(id).orElse(null) : null;
        if (open == null) {
            return closed(model);
        }
        if (clock.instant().isBefore(open.deadline())) {
            return show(id, model, null);
        }
        acs.submit(id, "");
        return back(id, model);
    }

    private String show(String id, Model model, String error) {
        var open = id.matches(ID) ? acs.openChallenge(id).orElse(null) : null;
        if (open == null) {
            return closed(model);
        }
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), open.deadline()).toSeconds());
        noStore();
        model.addAttribute("id", open.serverTransId());
        model.addAttribute("amount", open.amountYen());
        model.addAttribute("brand", open.brand().name());
        model.addAttribute("last4", open.last4());
        model.addAttribute("triesLeft", open.triesLeft());
        model.addAttribute("secondsLeft", secondsLeft);
        model.addAttribute("password", ThreeDsTestCards.ONE_TIME_PASSWORD);
        model.addAttribute("error", error);
        return "simulator/acs-challenge";
    }

    private String back(String id, Model model) {
        return acs.notificationPath(id).map(path -> "redirect:" + path).orElseGet(() -> closed(model));
    }

    /** A form body Tomcat's parameter parser refuses: the closed page with 400, no stack trace in the log. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    String unreadableForm(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return closed(model);
    }

    private static String closed(Model model) {
        noStore();
        model.addAttribute("id", null);
        model.addAttribute("error", "この認証は終了しているか、受け付けできません。");
        return "simulator/acs-challenge";
    }

    private static void noStore() {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        if (response != null) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
