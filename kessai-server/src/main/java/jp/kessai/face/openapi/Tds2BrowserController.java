package jp.kessai.face.openapi;

import jakarta.servlet.http.HttpServletResponse;
import jp.kessai.core.threeds.BrowserStep;
import jp.kessai.core.threeds.ThreeDsBrowser;
import jp.kessai.core.threeds.ThreeDsPaths;
import jp.kessai.platform.db.DatabaseUnavailable;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.metrics.Counters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer's browser side of 3-D Secure (seed 003, 3Dセキュア認証・自動オーソリあり / なし): the 202's
 * redirectUrl shows the 3DS Method page (the ACS's method URL in a hidden frame, then on to 認証依頼); a challenge
 * sends the browser to the ACS, which sends it back here; the end is a 302 to the merchant's own callbackUrl with
 * {@code p}. The redirect target only ever comes from the merchant's stored request (no open redirect); pages are
 * never cached and send no Referer onwards.
 */
@Controller
class Tds2BrowserController {

    private static final Logger log = LoggerFactory.getLogger(Tds2BrowserController.class);
    /** The view of the pages that only say something (a failure, the end of a flow). */
    static final String MESSAGE_VIEW = "openapi/tds2-message";
    /** Nothing was done (the database unreachable, the node busy): the customer reloads in a moment. */
    static final String BUSY_MESSAGE = "ただいま処理できません。しばらくしてから、このページを再読み込みしてください。";

    private final ThreeDsBrowser browser;
    private final Tds2Wire wire;
    private final Counters counters;

    Tds2BrowserController(ThreeDsBrowser browser, Tds2Wire wire, Counters counters) {
        this.browser = browser;
        this.wire = wire;
        this.counters = counters;
    }

    @GetMapping(ThreeDsPaths.PREFIX + "{token}")
    ModelAndView start(@PathVariable String token) {
        return guarded(() -> browser.open(token));
    }

    @PostMapping(ThreeDsPaths.PREFIX + "{token}/authenticate")
    ModelAndView authenticate(@PathVariable String token,
            @RequestParam(name = "methodCompleted", defaultValue = "N") String methodCompleted) {
        return guarded(() -> browser.authenticate(token, "Y".equals(methodCompleted)));
    }

    /** The ACS returns the browser here after a challenge, with GET or POST (EMV posts the CRes). */
    @RequestMapping(path = ThreeDsPaths.PREFIX + "{token}/challenge-return", method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView challengeReturn(@PathVariable String token) {
        return guarded(() -> browser.challengeReturn(token));
    }

    /**
     * A form body Tomcat's parameter parser refuses (a lone {@code =}, a broken escape): no browser sends one, so the
     * page says the request is not accepted (400), without the stack trace Tomcat's parser would leave in the log
     * (MalformedInputCorpusIT).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ModelAndView unreadableForm() {
        ModelAndView page = new ModelAndView("openapi/tds2-message");
        page.addObject("retry", false);
        page.addObject("message", "この本人認証は終了しているか、受け付けできません。");
        page.setStatus(HttpStatus.BAD_REQUEST);
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        if (response != null) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        return page;
    }

    /**
     * A step, or — while the database cannot be reached (between the loss of a primary and the promotion of its
     * standby) — a page asking the customer to reload in a moment, 503, as the API's "temporarily unavailable"; never
     * a 500 (the reliability battery's DatabaseFailoverIT). Nothing was changed; a reload goes on where the flow stands.
     */
    private ModelAndView guarded(java.util.function.Supplier<BrowserStep> step) {
        try {
            return render(step.get());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("3DS page: the database is unavailable: {}", ExceptionSummary.of(e));
            ModelAndView page = new ModelAndView(MESSAGE_VIEW);
            page.addObject("retry", false);
            page.addObject("message", BUSY_MESSAGE);
            page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
            noStore();
            return page;
        }
    }

    private static void noStore() {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        if (response != null) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
    }

    private ModelAndView render(BrowserStep step) {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        if (response != null) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        ModelAndView page = new ModelAndView();
        counters.increment("kessai.openapi.tds2.browser", "step", step.getClass().getSimpleName(), "face", "openapi");
        return switch (step) {
            case BrowserStep.ShowMethod method -> {
                page.addObject("token", method.token());
                page.addObject("methodUrl", method.methodUrl());
                page.setViewName("openapi/tds2-method");
                yield page;
            }
            case BrowserStep.GoToAcs acs -> new ModelAndView(redirect(acs.url(), true));
            case BrowserStep.Callback callback -> new ModelAndView(redirect(wire.callbackLocation(
                    callback.callbackUrl(), callback.accessId(), callback.reason(), callback.csrfToken()), false));
            case BrowserStep.TryAgain again -> {
                page.addObject("token", again.token());
                page.addObject("retry", true);
                page.addObject("message", "カード会社の認証サーバーに接続できませんでした。しばらくしてから再度お試しください。");
                page.setViewName("openapi/tds2-message");
                page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
                yield page;
            }
            case BrowserStep.Gone gone -> {
                page.addObject("retry", false);
                page.addObject("message", gone.expired()
                        ? "本人認証の有効期限が切れました。お手数ですが、ご購入手続きを最初からやり直してください。"
                        : "この本人認証は終了しているか、受け付けできません。");
                page.setViewName("openapi/tds2-message");
                page.setStatus(gone.expired() ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
                yield page;
            }
        };
    }

    /** A 302 to {@code url} taken as it is (no URI template expansion, no model attributes appended). */
    private static RedirectView redirect(String url, boolean onThisServer) {
        RedirectView view = new RedirectView(url, onThisServer);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setPropagateQueryParams(false);
        return view;
    }
}
