package jp.kessai.core.netcash;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Order;
import jp.kessai.core.shop.Shop;

/**
 * The wire format of a result notification (結果通知プログラム), supplied by the face that owns it (idpass). The core
 * decides when a notification is owed; the face decides what it looks like.
 */
public interface ResultNotificationFormat {

    String contentType();

    /** {@code failure}: why a failed payment failed, or null. */
    byte[] render(Shop shop, Order order, ResultCode failure);
}
