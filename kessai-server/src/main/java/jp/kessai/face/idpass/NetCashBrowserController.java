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
import jp.kessai.platform.logging.RequestLog;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NetCashBrowserController.class);
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
        RequestLog.of(http).face("idpass").endpoint("NetCashStart");
        if (!"POST".equals(http.getMethod())) {
            error(http, response, 200, List.of(new IdPassError("E31500014")), null);
            return;
        }
        byte[] body = IdPassController.readBody(http);
        if (body == null) {
            error(http, response, 413, List.of(new IdPassError("E91099999")), null);
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
            error(http, response, 200, errors, null);
            return;
        }
        NetCashStart.Result result = start.start(accessId, token);
        count("NetCashStart", result.code() == ResultCode.OK ? "ok" : result.code().name());
        RequestLog.of(http).order(result.orderId());
        if (result.code() == ResultCode.OK) {
            RequestLog.of(http).result("ok", "customer sent to the NET CASH payment page");
            response.sendRedirect(result.redirectPath());
            return;
        }
        error(http, response, 200, List.of(switch (result.code()) {
            case ORDER_NOT_FOUND -> new IdPassError("NC1000002");
            case TOKEN_MISMATCH -> new IdPassError("NC1000003");
            case ALREADY_PAID -> new IdPassError("NC1000004");
            case PAYMENT_FAILED -> new IdPassError("NC1000006");
            case PAYMENT_EXPIRED -> new IdPassError("NC1000005");
            default -> new IdPassError("NC1000006");
        }), result.returnUrl());
    }

    /** Where the center returns the customer: an auto-submitting POST of the result to RetURL. */
    @RequestMapping(NetCashExec.RETURN_PATH_PREFIX + "{accessId}")
    void result(@PathVariable String accessId, HttpServletRequest http, HttpServletResponse response) throws IOException {
        RequestLog.of(http).face("idpass").endpoint("NetCashResult");
        // an AccessID is 1-32 alphanumerics; anything else names no order and is not looked up
        var transaction = !ACCESS_ID.matcher(accessId).matches() ? null
                : (Transaction.NetCash) transactions.forCustomer(accessId, PaymentMethod.NET_CASH).orElse(null);
        var details = transaction == null ? null : transaction.details();
        if (details == null) {
            error(http, response, 404, List.of(new IdPassError("NC1000002")), null);
            return;
        }
        Order order = transaction.order();
        RequestLog.of(http).order(order.orderId());
        if (order.status() != OrderStatus.PAYSUCCESS && order.status() != OrderStatus.PAYFAIL) {
            boolean expired = order.status() == OrderStatus.EXPIRED || start.expireIfDue(order);
            error(http, response, 200, List.of(new IdPassError(expired ? "NC1000005" : "NC1000006")), details.retUrl());
            return;
        }
        var shop = shops.findById(order.shopPk()).orElseThrow();
        RequestLog.of(http).shop(shop.shopId());
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
        RequestLog.of(http).result(status, details.failure() == null ? "result posted to the merchant's RetURL"
                : "failure result posted to the merchant's RetURL");
        HtmlPages.autoPost(response, details.retUrl(), fields, "加盟店様のサイトへ戻ります");
    }

    /**
     * A failure under a browser page: the error screen, with E91019999 and 503 while the database is unreachable (as
     * the API answers "temporarily unavailable"), E91099999 and 500 otherwise. The log names classes only.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(RuntimeException.class)
    void failed(RuntimeException e, HttpServletRequest http, HttpServletResponse response) throws IOException {
        boolean databaseDown = jp.kessai.platform.db.DatabaseUnavailable.causedBy(e);
        if (databaseDown) {
            log.warn("NET CASH browser page: the database is unavailable: {}",
                    jp.kessai.platform.logging.ExceptionSummary.of(e));
        } else {
            log.error("NET CASH browser page failed unexpectedly: {}", jp.kessai.platform.logging.ExceptionSummary.of(e));
        }
        response.resetBuffer();
        error(http, response, databaseDown ? 503 : 500, List.of(new IdPassError(databaseDown ? "E91019999" : "E91099999")),
                null);
    }

    /** The error screen, with a way back to the merchant when its RetURL is known ({@code null} otherwise). */
    private static void error(HttpServletRequest http, HttpServletResponse response, int status, List<IdPassError> errors,
            String returnUrl) throws IOException {
        String errInfo = String.join("|", errors.stream().map(IdPassError::errInfo).toList());
        RequestLog.of(http).result(errInfo, IdPassErrorMeanings.of(errInfo));
        HtmlPages.error(response, status, errors, returnUrl);
    }

    /** The browser pages join the idpass request counter (operation, result). */
    private void count(String operation, String result) {
        counters.increment("kessai.idpass.requests", "operation", operation, "result", result);
    }
}
