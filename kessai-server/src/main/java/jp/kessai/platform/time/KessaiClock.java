package jp.kessai.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The one clock of the core. In sandbox mode tests may move it forward (e.g. past the 720-hour cancel window);
 * the offset is held per node and starts at zero.
 */
@Component
public class KessaiClock extends Clock {

    /** Seeds define wire times in Japan Standard Time. */
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return JST;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    /** Sandbox only: moves this node's clock forward. */
    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return offset.updateAndGet(current -> current.plus(by));
    }
}
