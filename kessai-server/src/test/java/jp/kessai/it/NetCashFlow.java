package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives NET CASH over HTTP the way a merchant's server and a customer's browser do (without a real browser). */
final class NetCashFlow {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final String baseUrl;
    private final IdPassClient idpass;

    NetCashFlow(String baseUrl) {
        this.baseUrl = baseUrl;
        this.idpass = new IdPassClient(baseUrl);
    }

    record Order(String orderId, String accessId, String accessPass, String token, String startUrl) {}

    Order entryAndExec(String orderId, long amount, long tax, String retUrl) {
        var entry = idpass.post("EntryTranNetcash", params("ShopID", IntegrationTest.SHOP_ID, "ShopPass",
                IntegrationTest.SHOP_PASS, "OrderID", orderId, "Amount", Long.toString(amount), "Tax", Long.toString(tax)));
        assertThat(entry.isError()).as(entry.body()).isFalse();
        var exec = idpass.post("ExecTranNetcash", params("ShopID", IntegrationTest.SHOP_ID, "ShopPass",
                IntegrationTest.SHOP_PASS, "AccessID", entry.get("AccessID"), "AccessPass", entry.get("AccessPass"),
                "OrderID", orderId, "RetURL", retUrl, "ClientField1", "ネットキャッシュ", "NetCashPayType", "NETCASH"));
        assertThat(exec.isError()).as(exec.body()).isFalse();
        return new Order(orderId, entry.get("AccessID"), entry.get("AccessPass"), exec.get("Token"), exec.get("StartURL"));
    }

    /** POSTs AccessID and Token to NetCashStart; returns the response (a redirect to the center, or an error page). */
    HttpResponse<String> start(String accessId, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/payment/NetCashStart.idPass"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("AccessID=" + accessId + "&Token=" + token)).build());
    }

    /** The customer pays on the center's page; returns the center's answer (a redirect back to Kessai, or the page). */
    HttpResponse<String> pay(String pagePath, String cardNo) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path(pagePath) + "/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cardNo=" + cardNo)).build());
    }

    HttpResponse<String> cancel(String pagePath) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path(pagePath) + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path(path))).GET().build());
    }

    /** A Location header may be absolute or a path; the tests work with paths on this server. */
    static String path(String location) {
        return URI.create(location).getRawPath();
    }

    /** Start, pay with {@code cardNo}, follow the redirect back: returns the auto-post page's action and fields. */
    ResultForm startAndPay(Order order, String cardNo) {
        var started = start(order.accessId(), order.token());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String page = started.headers().firstValue("Location").orElseThrow();
        var paid = pay(page, cardNo);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(302);
        return resultForm(get(paid.headers().firstValue("Location").orElseThrow()));
    }

    record ResultForm(String action, Map<String, String> fields, String html) {}

    static ResultForm resultForm(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher action = ACTION.matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return new ResultForm(action.group(1).replace("&amp;", "&"), fields, page.body());
    }

    /** Seed 001 §2.1.2.4: MD5 of ShopID + OrderID + Status + TranDate + the shop password, lowercase hex. */
    static String checkString(String shopId, String orderId, String status, String tranDate, String shopPass) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5")
                .digest((shopId + orderId + status + tranDate + shopPass).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, MerchantServer.WINDOWS_31J)));
        return out.toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()); // charset from Content-Type
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
