package jp.kessai.face.idpass;

import java.util.List;
import jp.kessai.core.netcash.NetCashExec;
import jp.kessai.platform.web.ErrorReply;
import jp.kessai.platform.web.FaceErrorPage;
import jp.kessai.platform.web.Refusal;
import jp.kessai.platform.web.WireFace;
import org.springframework.stereotype.Component;

/**
 * Answers under {@code /payment/} that no endpoint wrote (TRACE, a non-normalised path, a request Tomcat refused, a
 * body shorter than its Content-Length), in the protocol type's format: {@code ErrCode=…&ErrInfo=…} in Windows-31J,
 * or the error screen for the browser pages. A method other than POST is E31500014, as every endpoint answers GET;
 * anything else is E91099999, as an unknown endpoint or an unreadable request is answered.
 *
 * <p>A request refused because the node is busy ({@link Refusal#BUSY}) is E92000001, the catalogue's 流量制限オーバー
 * (同時処理数が規定値を超えています), with HTTP 200 on an {@code .idPass} API endpoint as every answer of theirs, on the
 * error screen with 503 for a browser page, and with 503 for the other paths under {@code /payment/} (the tokenizer's
 * {@code CreateToken.json} and {@code mp-token.js}, which a browser or a script reads by its status).
 */
@Component
class IdPassErrorPage implements FaceErrorPage {

    private static final IdPassError POST_REQUIRED = new IdPassError("E31500014");
    private static final IdPassError SYSTEM_ERROR = new IdPassError("E91099999");
    static final IdPassError BUSY = new IdPassError("E92000001");
    private static final String API_SUFFIX = ".idPass";

    @Override
    public WireFace face() {
        return WireFace.IDPASS;
    }

    @Override
    public ErrorReply reply(Refusal refusal, String rawPath) {
        boolean methodRefused = refusal == Refusal.METHOD_NOT_ALLOWED;
        boolean busy = refusal == Refusal.BUSY;
        var errors = List.of(methodRefused ? POST_REQUIRED : busy ? BUSY : SYSTEM_ERROR);
        boolean browserPage = browserPage(rawPath);
        int status = methodRefused || busy && !browserPage && apiEndpoint(rawPath) ? 200 : refusal.status;
        if (browserPage) {
            return new ErrorReply(status, HtmlPages.CONTENT_TYPE, IdPassCodec.WINDOWS_31J, HtmlPages.errorPage(errors));
        }
        String body = new String(IdPassCodec.encode(IdPassResponse.errors(status, errors)), IdPassCodec.WINDOWS_31J);
        return new ErrorReply(status, IdPassController.CONTENT_TYPE.toString(), IdPassCodec.WINDOWS_31J, body);
    }

    /** An {@code /payment/<Name>.idPass} API path (as classified: normalised). */
    static boolean apiEndpoint(String rawPath) {
        return WireFace.normalise(rawPath).endsWith(API_SUFFIX);
    }

    /** The pages a customer's browser opens: NetCashStart and the NET CASH return page. */
    static boolean browserPage(String rawPath) {
        return rawPath.startsWith(NetCashBrowserController.START_PATH) || rawPath.startsWith(NetCashExec.RETURN_PATH_PREFIX);
    }
}
