package jp.kessai.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.metrics.KessaiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The node's bound on requests in progress ({@code kessai.server.*}). Tomcat on virtual threads accepts every
 * connection and starts a thread for every request; without a bound, a retry storm after a restart (thousands of
 * merchants' clients at once) filled the heap until the JVM ended in OutOfMemoryError while holding its port
 * (docs/reliability.md). With it, a request over the bound waits at most {@code admission-wait} for a slot and is then
 * answered at once with its face's "busy" answer ({@link Refusal#BUSY}), before its body is read or a database
 * connection taken; the work in progress, and the heap it needs, stay bounded. At most as many requests wait for a
 * slot as the bound; the others are refused without waiting.
 *
 * <p>Two lanes: the faces (every path but the management endpoints) and the management endpoints
 * ({@code management.endpoints.web.base-path}, {@code /actuator}), which have a small allowance of their own so that
 * health checks and metrics scrapes still get through while the faces are full, and cannot take the faces' slots.
 */
@Component
class InFlightLimit {

    /** Which allowance a request counts against. */
    enum Lane {
        FACES,
        MANAGEMENT
    }

    private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);
    /** At most one summary line per this interval while requests are refused: a storm must not flood the log. */
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Map<Lane, Semaphore> slots = new EnumMap<>(Lane.class);
    private final Map<Lane, Integer> bounds = new EnumMap<>(Lane.class);
    private final Map<Lane, AtomicInteger> waiting = new EnumMap<>(Lane.class);
    private final long admissionWaitNanos;
    private final String managementPrefix;
    private final Map<String, Counter> refusals;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    @Autowired
    InFlightLimit(KessaiProperties properties, MeterRegistry registry,
            @Value("${management.endpoints.web.base-path:/actuator}") String managementBasePath) {
        this(properties.server(), registry, managementBasePath);
    }

    InFlightLimit(KessaiProperties.Server server, MeterRegistry registry, String managementBasePath) {
        bounds.put(Lane.FACES, server.maxInFlight());
        bounds.put(Lane.MANAGEMENT, server.managementMaxInFlight());
        bounds.forEach((lane, bound) -> {
            slots.put(lane, new Semaphore(bound));
            waiting.put(lane, new AtomicInteger());
        });
        this.admissionWaitNanos = server.admissionWait().toNanos();
        String base = WireFace.normalise(managementBasePath);
        this.managementPrefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        Gauge.builder(KessaiMetrics.SERVER_REQUESTS_IN_FLIGHT, this, limit -> limit.inFlight(Lane.FACES))
                .description(KessaiMetrics.description(KessaiMetrics.SERVER_REQUESTS_IN_FLIGHT))
                .register(registry);
        // every series from the start, at 0, so that rate() and alerts see the first refusal
        var counters = new HashMap<String, Counter>();
        for (String face : faceLabels()) {
            counters.put(face, Counter.builder(KessaiMetrics.SERVER_REQUESTS_REFUSED)
                    .description(KessaiMetrics.description(KessaiMetrics.SERVER_REQUESTS_REFUSED))
                    .tag("face", face).register(registry));
        }
        this.refusals = Map.copyOf(counters);
    }

    /** The {@code face} label values of the refusal counter: each wire face, and {@code management}. */
    static List<String> faceLabels() {
        var labels = new ArrayList<String>();
        for (WireFace face : WireFace.values()) {
            labels.add(face.name().toLowerCase(Locale.ROOT));
        }
        labels.add("management");
        return labels;
    }

    /** The lane of a request path as sent (classified as {@link WireFace} classifies paths: normalised first). */
    Lane laneOf(String rawPath) {
        String path = WireFace.normalise(rawPath);
        boolean management = !managementPrefix.isEmpty() && !managementPrefix.equals("/")
                && (path.equals(managementPrefix) || path.startsWith(managementPrefix + "/"));
        return management ? Lane.MANAGEMENT : Lane.FACES;
    }

    /**
     * Takes a slot of {@code lane}, waiting at most the admission wait; true if the request may go on, in which case
     * the caller must {@link #leave} when it is done. An interrupted wait is a refusal (the interrupt is kept).
     */
    boolean tryEnter(Lane lane) {
        Semaphore semaphore = slots.get(lane);
        if (semaphore.tryAcquire()) {
            return true;
        }
        if (admissionWaitNanos == 0) {
            return false;
        }
        // a waiting request holds its connection, its parsed headers and buffers and a thread: at most as many wait
        // as may be in progress, the others are refused at once (under a storm the wait admits nobody anyway)
        AtomicInteger waiters = waiting.get(lane);
        if (waiters.incrementAndGet() > bounds.get(lane)) {
            waiters.decrementAndGet();
            return false;
        }
        try {
            return semaphore.tryAcquire(admissionWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiters.decrementAndGet();
        }
    }

    /** Requests of {@code lane} waiting for a slot now. */
    int waiting(Lane lane) {
        return waiting.get(lane).get();
    }

    /** Gives back the slot taken by a successful {@link #tryEnter}. */
    void leave(Lane lane) {
        slots.get(lane).release();
    }

    /** Counts a refused request of {@code rawPath} and, at most every 10 seconds, says so in the log. */
    void refused(Lane lane, String rawPath) {
        String face = lane == Lane.MANAGEMENT ? "management" : WireFace.of(rawPath).name().toLowerCase(Locale.ROOT);
        refusals.get(face).increment();
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            long count = refusedSinceLog.getAndSet(0);
            log.warn("Busy: {} request(s) refused since the last such line, {} of at most {} in progress on the faces"
                    + " (kessai.server.max-in-flight), {} of {} on the management endpoints; see kessai_server_requests_refused_total",
                    count, inFlight(Lane.FACES), bounds.get(Lane.FACES), inFlight(Lane.MANAGEMENT),
                    bounds.get(Lane.MANAGEMENT));
        }
    }

    /** Requests in progress in {@code lane}. */
    int inFlight(Lane lane) {
        return bounds.get(lane) - slots.get(lane).availablePermits();
    }
}
