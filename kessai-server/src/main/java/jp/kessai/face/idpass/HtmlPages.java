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

    /**
     * The error screen; {@code returnUrl} is the merchant's RetURL when it is known (the customer's Token matched), and
     * becomes a way back to the merchant if it is an http(s) URL.
     */
    static void error(HttpServletResponse response, int status, List<IdPassError> errors, String returnUrl)
            throws IOException {
        write(response, status, errorPage(errors, returnUrl));
    }

    static void error(HttpServletResponse response, int status, List<IdPassError> errors) throws IOException {
        error(response, status, errors, null);
    }

    /**
     * The CJK font stack of every page Kessai shows a customer (docs/operations.md: Debian's fonts-noto-cjk renders
     * it): Japanese fonts first, so that no browser falls back to a Chinese glyph variant.
     */
    static final String FONT_STACK = "\"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Kaku Gothic ProN\", "
            + "\"Yu Gothic\", Meiryo, sans-serif";

    /** The error screen's HTML (Content-Type {@value #CONTENT_TYPE}), without a way back. */
    static String errorPage(List<IdPassError> errors) {
        return errorPage(errors, null);
    }

    static String errorPage(List<IdPassError> errors, String returnUrl) {
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="ja">
                <head>
                  <meta http-equiv="Content-Type" content="text/html; charset=Windows-31J">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>エラー</title>
                  <style>
                    body { font-family: %s; background: #f0f2f5; color: #222; margin: 0; }
                    .box { background: #fff; max-width: 28rem; margin: 3rem auto; border-radius: 8px; padding: 1.5rem 1.8rem;
                           box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
                    h1 { font-size: 1.2rem; margin: 0 0 .8rem; }
                    .error { color: #b00020; font-size: .9rem; }
                    a.back { display: inline-block; margin-top: 1rem; padding: .5rem 1.2rem; border-radius: 4px;
                             background: #0b4ea2; color: #fff; text-decoration: none; }
                  </style>
                </head>
                <body>
                <div class="box">
                  <h1>お手続きを続けられません</h1>
                  <p>この取引は現在お支払いいただけません。</p>
                """.formatted(FONT_STACK));
        for (IdPassError error : errors) {
            html.append("  <p class=\"error\">ErrCode=").append(htmlEscape(error.errCode()))
                    .append(" ErrInfo=<span class=\"errinfo\">").append(htmlEscape(error.errInfo())).append("</span></p>\n");
        }
        if (returnUrl != null && Param.URL.matcher(returnUrl).matches()) {
            html.append("  <p><a id=\"back\" class=\"back\" href=\"").append(htmlEscape(returnUrl))
                    .append("\" rel=\"noreferrer\">加盟店様のサイトへ戻る</a></p>\n");
        }
        html.append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void write(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(IdPassCodec.WINDOWS_31J);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Content-Language", "ja");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
