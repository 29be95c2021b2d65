package jp.kessai.core.notify;

import java.time.Duration;

/**
 * One notification to enqueue. {@code eventKey} makes it idempotent per shop and kind (the same state change never
 * enqueues twice). {@code maxAttempts} counts the first delivery, so "retried up to 5 times" is 6.
 */
public record Notification(long shopPk, NotificationKind kind, String eventKey, String targetUrl, String contentType,
        byte[] body, int maxAttempts, Duration retryInterval) {

    @Override
    public String toString() {
        return "Notification[" + kind + " " + eventKey + "]"; // bodies may hold order data: not printed
    }
}
