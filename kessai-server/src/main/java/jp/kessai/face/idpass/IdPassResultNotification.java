package jp.kessai.face.idpass;

import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.ResultNotificationFormat;
import jp.kessai.core.order.Order;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/**
 * The protocol type's result notification (結果通知プログラム): a form-encoded POST in Windows-31J. ShopPass and
 * AccessPass are masked with asterisks as the real service does; docs/notifications.md lists the fields.
 */
@Component
class IdPassResultNotification implements ResultNotificationFormat {

    static final String MASK = "**********";

    @Override
    public String contentType() {
        return "application/x-www-form-urlencoded;charset=Windows-31J";
    }

    @Override
    public byte[] render(Shop shop, Order order, ResultCode failure) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ShopID", shop.shopId());
        fields.put("ShopPass", MASK);
        fields.put("AccessID", order.accessId());
        fields.put("AccessPass", MASK);
        fields.put("OrderID", order.orderId());
        fields.put("Status", IdPassStatusNames.of(order.status()));
        fields.put("JobCd", order.jobCd() == null ? "" : order.jobCd());
        fields.put("Amount", Long.toString(order.amountYen()));
        fields.put("Tax", Long.toString(order.taxYen()));
        fields.put("Currency", WireFormats.CURRENCY_JPY);
        fields.put("TranDate", WireFormats.processDate(order.processedAt()));
        fields.put("PayType", WireFormats.payType(order.method()));
        IdPassError error = failure == null ? null : IdPassResultCodes.of(failure, IdPassResultCodes.Family.MULTI_PAYMENT);
        fields.put("ErrCode", error == null ? "" : error.errCode());
        fields.put("ErrInfo", error == null ? "" : error.errInfo());
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), IdPassCodec.WINDOWS_31J))
                .collect(Collectors.joining("&"))
                .getBytes(IdPassCodec.WINDOWS_31J);
    }
}
