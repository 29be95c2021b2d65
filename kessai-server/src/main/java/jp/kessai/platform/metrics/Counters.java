package jp.kessai.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Counters with two or three tags, looked up once and then kept: {@code MeterRegistry.counter(...)} builds an id and
 * searches the registry on every call, which showed up at several per cent of CPU on the request paths. Tag values
 * must come from small fixed sets (operation names, result codes). Every counter carries its HELP text from
 * {@link KessaiMetrics}.
 */
@Component
public class Counters {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public Counters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void increment(String name, String tag1, String value1, String tag2, String value2) {
        counters.computeIfAbsent(name + '\u0000' + value1 + '\u0000' + value2,
                key -> Counter.builder(name).description(KessaiMetrics.description(name))
                        .tags(tag1, value1, tag2, value2).register(registry)).increment();
    }

    /** Adds {@code amount} (e.g. yen) to a counter with three tags. */
    public void add(String name, double amount, String tag1, String value1, String tag2, String value2, String tag3,
            String value3) {
        counters.computeIfAbsent(name + '\u0000' + value1 + '\u0000' + value2 + '\u0000' + value3,
                key -> Counter.builder(name).description(KessaiMetrics.description(name))
                        .tags(tag1, value1, tag2, value2, tag3, value3).register(registry)).increment(amount);
    }
}
