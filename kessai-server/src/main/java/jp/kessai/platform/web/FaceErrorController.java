package jp.kessai.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Replaces Spring Boot's {@code BasicErrorController} (whose JSON is no face's format) at {@code /error}, where the
 * servlet container forwards every error status set outside a face's own answer: an unmatched path, a method Spring
 * MVC or Tomcat refuses (TRACE), a body that could not be read, an exception no handler took. The answer is the
 * format of the face the original path belongs to.
 */
@Controller
class FaceErrorController implements ErrorController {

    private final FaceErrorPages pages;

    FaceErrorController(FaceErrorPages pages) {
        this.pages = pages;
    }

    @RequestMapping(path = "/error", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // /error asked for directly is a path like any other: nothing there
        Refusal refusal = status instanceof Integer code ? Refusal.ofStatus(code) : Refusal.NOT_FOUND;
        String path = uri instanceof String given ? given : request.getRequestURI();
        write(pages.reply(refusal, path), response);
    }

    static void write(ErrorReply reply, HttpServletResponse response) throws IOException {
        byte[] body = reply.bytes();
        response.resetBuffer();
        response.setStatus(reply.status());
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
