package jp.kessai.core.notify;

import java.nio.charset.Charset;

/** The kinds of notification the outbox delivers, each with the answer that counts as "received". */
public enum NotificationKind {
    /** Protocol-type result notification (結果通知プログラム): form-encoded, the merchant answers {@code 0}. */
    IDPASS_RESULT {
        @Override
        public boolean accepted(int httpStatus, byte[] body) {
            return httpStatus >= 200 && httpStatus < 300
                    && new String(body, Charset.forName("Windows-31J")).strip().equals("0");
        }
    };

    /** Whether the merchant's answer means the notification was received. */
    public abstract boolean accepted(int httpStatus, byte[] body);
}
