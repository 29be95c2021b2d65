package jp.kessai.core.netcash;

import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.notify.Notification;
import jp.kessai.core.notify.NotificationKind;
import jp.kessai.core.notify.Outbox;
import jp.kessai.core.order.Order;

import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopSettings;
import org.springframework.stereotype.Component;

/** Owes the merchant a result notification for each NET CASH status change; joins the caller's transaction. */
@Component
class NetCashNotifier {

    private final ShopDirectory shops;
    private final Outbox outbox;
    private final ResultNotificationFormat format;

    NetCashNotifier(ShopDirectory shops, Outbox outbox, ResultNotificationFormat format) {
        this.shops = shops;
        this.outbox = outbox;
        this.format = format;
    }

    /** {@code order} as it is after the change. */
    void statusChanged(Order order, ResultCode failure) {
        var shop = shops.findById(order.shopPk()).orElseThrow();
        String url = shop.settings().resultNotificationUrl();
        if (url == null || url.isBlank()) {
            return; // the merchant has no result notification program
        }
        outbox.enqueue(new Notification(order.shopPk(), NotificationKind.IDPASS_RESULT, order.id() + ":" + order.status(), url,
                format.contentType(), format.render(shop, order, failure), 1 + ShopSettings.NOTIFICATION_RETRIES,
                Duration.ofMinutes(shop.settings().notificationRetryIntervalMinutes())));
    }
}
