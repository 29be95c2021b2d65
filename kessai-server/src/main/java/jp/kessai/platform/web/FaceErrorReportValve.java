package jp.kessai.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word, in the faces' formats. Tomcat answers some requests itself, before any servlet runs: a header
 * with NUL or a bare CR, headers over the size limit, a duplicate Content-Length, {@code %00} or an encoded slash in
 * the path. Its default {@link ErrorReportValve} writes an HTML page for those; this one writes the answer of the
 * face the path belongs to ({@link WireFace#of}). Errors that reach Spring's {@code /error} are already written by
 * {@link FaceErrorController} and left alone.
 */
class FaceErrorReportValve extends ErrorReportValve {

    /** A request target Tomcat refuses to map: NUL, encoded slash or backslash, a backslash, a broken escape. */
    private static final Pattern UNUSABLE_TARGET = Pattern.compile(
            "(?i).*(%00|%2f|%5c|\\\\|%(?![0-9a-f]{2})|[^\\x21-\\x7e]).*");

    private final Supplier<FaceErrorPages> pages;

    FaceErrorReportValve(Supplier<FaceErrorPages> pages) {
        this.pages = pages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the default valve: nothing for a non-error status, nothing once a body was written or reported
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String rawPath = request.getRequestURI();
        ErrorReply reply = pages.get().reply(refusal(status, rawPath), rawPath);
        try {
            byte[] body = reply.bytes();
            response.setStatus(reply.status());
            response.setContentType(reply.contentType()); // as the face sends it, charset and all
            response.setContentLength(body.length);
            // bytes, not the default valve's writer: the writer would add its own charset to the Content-Type
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or something already took the writer: nothing more can be said
        }
    }

    /**
     * What a status Tomcat set by itself means. With a valid request target a 400 is about the header section; 501 is
     * a Transfer-Encoding Tomcat does not implement, 505 an HTTP version it does not speak: client mistakes, never
     * answered as a server error.
     */
    static Refusal refusal(int status, String rawPath) {
        return switch (status) {
            case 400 -> rawPath == null || rawPath.isEmpty() || UNUSABLE_TARGET.matcher(rawPath).matches()
                    ? Refusal.NOT_FOUND : Refusal.REJECTED_HEADERS;
            case 501 -> Refusal.REJECTED_HEADERS;
            case 505 -> Refusal.UNREADABLE;
            default -> Refusal.ofStatus(status);
        };
    }
}
