package jp.kessai.core.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.threads.KessaiThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox entries: honours the shop's notification stop window, refuses targets the SSRF policy forbids,
 * posts, and records every attempt. Deliveries of one pass run in parallel on virtual threads.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final ShopDirectory shops;
    private final OutboundUrlPolicy urlPolicy;
    private final NotificationTransport transport;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService deliveries = KessaiThreads.perTask("notification");

    NotificationDispatcher(Outbox outbox, ShopDirectory shops, OutboundUrlPolicy urlPolicy, NotificationTransport transport,
            Clock clock, KessaiProperties properties) {
        this.outbox = outbox;
        this.shops = shops;
        this.urlPolicy = urlPolicy;
        this.transport = transport;
        this.clock = clock;
        this.lease = properties.notifications().lease();
    }

    @Scheduled(fixedDelayString = "${kessai.notifications.poll-interval:5s}", initialDelayString = "${kessai.notifications.poll-interval:5s}")
    public void scheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Notification dispatch pass failed; will retry: {}", e.toString());
        }
    }

    /** One pass over everything due now; returns how many entries were handled. */
    public int dispatchDue() {
        List<Outbox.OutboxEntry> due = outbox.claimDue(lease, BATCH);
        List<Future<?>> running = new ArrayList<>();
        for (var entry : due) {
            running.add(deliveries.submit(() -> deliver(entry)));
        }
        for (var future : running) {
            try {
                future.get();
            } catch (Exception e) {
                log.warn("Notification delivery task failed: {}", e.toString());
            }
        }
        return due.size();
    }

    private void deliver(Outbox.OutboxEntry entry) {
        Optional<Shop> shop = shops.findById(entry.shopPk());
        if (shop.isEmpty()) {
            outbox.recordFailed(entry, null, "REFUSED", "shop no longer exists", 0);
            return;
        }
        var settings = shop.get().settings();
        Instant now = clock.instant();
        if (settings.notificationStopFrom() != null && settings.notificationStopUntil() != null
                && !now.isBefore(settings.notificationStopFrom()) && now.isBefore(settings.notificationStopUntil())) {
            outbox.postpone(entry, settings.notificationStopUntil());
            return;
        }
        boolean allowPrivate = shop.get().mode() == ShopMode.TEST && settings.allowPrivateNotificationTargets();
        Optional<String> refusal = urlPolicy.refuse(entry.targetUrl(), allowPrivate);
        if (refusal.isPresent()) {
            outbox.recordFailed(entry, null, "REFUSED", refusal.get(), 0);
            return;
        }
        long started = System.nanoTime();
        try {
            var answer = transport.post(entry.targetUrl(), entry.contentType(), entry.body());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            if (entry.kind().accepted(answer.status(), answer.body())) {
                outbox.recordDelivered(entry, answer.status(), tookMs);
            } else {
                outbox.recordFailed(entry, answer.status(), "REJECTED", "answer was not an acknowledgement", tookMs);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            outbox.recordFailed(entry, null, "ERROR", e.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
