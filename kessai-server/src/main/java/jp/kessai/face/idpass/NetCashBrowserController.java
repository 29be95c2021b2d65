package jp.kessai.face.idpass;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.NetCashExec;
import jp.kessai.core.netcash.NetCashStart;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.Transactions;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.ShopDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The customer's browser side of NET CASH: {@code NetCashStart.idPass} (seed 001 §2.1.2.3) sends the customer to the
 * center's payment page; the return page (§2.1.2.4 決済結果受信) posts the result to the merchant's RetURL.
 */
@Controller
class NetCashBrowserController {

    private static final java.util.regex.Pattern ACCESS_ID = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,32}");

    private final NetCashStart start;
    private final Transactions transactions;
    private final ShopDirectory shops;
    private final jp.kessai.platform.metrics.Counters counters;

    NetCashBrowserController(NetCashStart start, Transactions transactions, ShopDirectory shops,
            jp.kessai.platform.metrics.Counters counters) {
        this.counters = counters;
        this.start = start;
        this.transactions = transactions;
        this.shops = shops;
    }

    static final String START_PATH = "/payment/NetCashStart.idPass";

    @RequestMapping(path = START_PATH, method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void start(HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (!"POST".equals(http.getMethod())) {
            HtmlPages.error(response, 200, List.of(new IdPassError("E31500014")));
            return;
        }
        byte[] body = IdPassController.readBody(http);
        if (body == null) {
            HtmlPages.error(response, 413, List.of(new IdPassError("E91099999")));
            return;
        }
        IdPassRequest request = IdPassCodec.decode(body);
        String accessId = request.get("AccessID");
        String token = request.get("Token");
        List<IdPassError> errors = new ArrayList<>();
        if (accessId == null || !ACCESS_ID.matcher(accessId).matches()) {
            errors.add(new IdPassError("NC1000001"));
        }
        if (token == null || token.length() > 256 || Param.CONTROL.matcher(token).find()) {
            errors.add(new IdPassError("NC1000003"));
        }
        if (!errors.isEmpty()) {
            HtmlPages.error(response, 200, errors);
            return;
        }
        NetCashStart.Result result = start.start(accessId, token);
        count("NetCashStart", result.code() == ResultCode.OK ? "ok" : result.code().name());
        if (result.code() == ResultCode.OK) {
            response.sendRedirect(result.redirectPath());
            return;
        }
        HtmlPages.error(response, 200, List.of(switch (result.code()) {
            case ORDER_NOT_FOUND -> new IdPassError("NC1000002");
            case TOKEN_MISMATCH -> new IdPassError("NC1000003");
            case ALREADY_PAID -> new IdPassError("NC1000004");
            case PAYMENT_FAILED -> new IdPassError("NC1000006");
            case PAYMENT_EXPIRED -> new IdPassError("NC1000005");
            default -> new IdPassError("NC1000006");
        }));
    }

    /** Where the center returns the customer: an auto-submitting POST of the result to RetURL. */
    @RequestMapping(NetCashExec.RETURN_PATH_PREFIX + "{accessId}")
    void result(@PathVariable String accessId, HttpServletResponse response) throws IOException {
        // an AccessID is 1-32 alphanumerics; anything else names no order and is not looked up
        var transaction = !ACCESS_ID.matcher(accessId).matches() ? null
                : (Transaction.NetCash) transactions.forCustomer(accessId, PaymentMethod.NET_CASH).orElse(null);
        var details = transaction == null ? null : transaction.details();
        if (details == null) {
            HtmlPages.error(response, 404, List.of(new IdPassError("NC1000002")));
            return;
        }
        Order order = transaction.order();
        if (order.status() != OrderStatus.PAYSUCCESS && order.status() != OrderStatus.PAYFAIL) {
            boolean expired = order.status() == OrderStatus.EXPIRED || start.expireIfDue(order);
            HtmlPages.error(response, 200, List.of(new IdPassError(expired ? "NC1000005" : "NC1000006")));
            return;
        }
        var shop = shops.findById(order.shopPk()).orElseThrow();
        String tranDate = WireFormats.processDate(order.processedAt());
        String status = IdPassStatusNames.of(order.status());
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("ShopID", shop.shopId()),
                Map.entry("OrderID", order.orderId()),
                Map.entry("Status", status),
                Map.entry("TranDate", tranDate),
                Map.entry("CheckString", shops.md5WithShopPass(shop, shop.shopId() + order.orderId() + status + tranDate))));
        if (details.failure() != null) {
            IdPassError error = IdPassResultCodes.of(details.failure(), IdPassResultCodes.Family.MULTI_PAYMENT);
            fields.add(Map.entry("ErrCode", error.errCode()));
            fields.add(Map.entry("ErrInfo", error.errInfo()));
        }
        count("NetCashResult", status);
        HtmlPages.autoPost(response, details.retUrl(), fields, "加盟店様のサイトへ戻ります");
    }

    /** The browser pages join the idpass request counter (operation, result). */
    private void count(String operation, String result) {
        counters.increment("kessai.idpass.requests", "operation", operation, "result", result);
    }
}
