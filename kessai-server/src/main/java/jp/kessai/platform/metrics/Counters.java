package jp.kessai.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Counters with two tags, looked up once and then kept: {@code MeterRegistry.counter(...)} builds an id and searches
 * the registry on every call, which showed up at several per cent of CPU on the request paths. Tag values must come
 * from small fixed sets (operation names, result codes).
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
                key -> registry.counter(name, tag1, value1, tag2, value2)).increment();
    }
}
