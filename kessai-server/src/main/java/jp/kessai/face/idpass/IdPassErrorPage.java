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
 */
@Component
class IdPassErrorPage implements FaceErrorPage {

    private static final IdPassError POST_REQUIRED = new IdPassError("E31500014");
    private static final IdPassError SYSTEM_ERROR = new IdPassError("E91099999");

    @Override
    public WireFace face() {
        return WireFace.IDPASS;
    }

    @Override
    public ErrorReply reply(Refusal refusal, String rawPath) {
        boolean methodRefused = refusal == Refusal.METHOD_NOT_ALLOWED;
        var errors = List.of(methodRefused ? POST_REQUIRED : SYSTEM_ERROR);
        int status = methodRefused ? 200 : refusal.status;
        if (browserPage(rawPath)) {
            return new ErrorReply(status, HtmlPages.CONTENT_TYPE, IdPassCodec.WINDOWS_31J, HtmlPages.errorPage(errors));
        }
        String body = new String(IdPassCodec.encode(IdPassResponse.errors(status, errors)), IdPassCodec.WINDOWS_31J);
        return new ErrorReply(status, IdPassController.CONTENT_TYPE.toString(), IdPassCodec.WINDOWS_31J, body);
    }

    /** The pages a customer's browser opens: NetCashStart and the NET CASH return page. */
    static boolean browserPage(String rawPath) {
        return rawPath.startsWith(NetCashBrowserController.START_PATH) || rawPath.startsWith(NetCashExec.RETURN_PATH_PREFIX);
    }
}
