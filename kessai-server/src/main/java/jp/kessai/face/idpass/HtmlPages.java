package jp.kessai.face.idpass;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The protocol type's browser pages, in Windows-31J as the seed's samples are: the auto-submitting form that carries
 * a result to the merchant's RetURL, and the error screen.
 */
final class HtmlPages {

    static final String CONTENT_TYPE = "text/html;charset=Windows-31J";

    private HtmlPages() {}

    /** An auto-submitting POST form (with a button for browsers without JavaScript), like the seed's samples. */
    static void autoPost(HttpServletResponse response, String action, List<Map.Entry<String, String>> fields,
            String message) throws IOException {
        var html = new StringBuilder("""
                <html>
                <head>
                  <meta http-equiv="Content-Type" content="text/html; charset=Windows-31J">
                  <title>Kessai</title>
                </head>
                <body OnLoad='document.forms[0].submit();'>
                """);
        html.append("  <form name=\"ResultForm\" action=\"").append(htmlEscape(action)).append("\" method=\"POST\">\n");
        html.append("  <noscript><center><h2>").append(htmlEscape(message))
                .append("</h2><input type=\"submit\" value=\"続行\" /></center></noscript>\n");
        for (var field : fields) {
            html.append("  <input type=\"hidden\" name=\"").append(htmlEscape(field.getKey())).append("\" value=\"")
                    .append(htmlEscape(field.getValue())).append("\">\n");
        }
        html.append("  </form>\n</body>\n</html>\n");
        write(response, 200, html.toString());
    }

    static void error(HttpServletResponse response, int status, List<IdPassError> errors) throws IOException {
        write(response, status, errorPage(errors));
    }

    /** The error screen's HTML (Content-Type {@value #CONTENT_TYPE}). */
    static String errorPage(List<IdPassError> errors) {
        var html = new StringBuilder("""
                <html>
                <head>
                  <meta http-equiv="Content-Type" content="text/html; charset=Windows-31J">
                  <title>エラー</title>
                </head>
                <body>
                  <h1>お手続きを続けられません</h1>
                  <p>この取引は現在お支払いいただけません。</p>
                """);
        for (IdPassError error : errors) {
            html.append("  <p class=\"error\">ErrCode=").append(htmlEscape(error.errCode()))
                    .append(" ErrInfo=<span class=\"errinfo\">").append(htmlEscape(error.errInfo())).append("</span></p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void write(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(IdPassCodec.WINDOWS_31J);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
