package jp.kessai.processor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The steering every simulator offers the sandbox: a queue of faults for the next calls and a latency for every call.
 * Held per node (sandbox state, not business state).
 */
public final class SimulatedFaults<F extends Enum<F>> {

    private final ConcurrentLinkedQueue<F> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong latencyMillis = new AtomicLong();

    /** The next {@code count} calls get {@code fault}. */
    public void inject(F fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /** Every call waits this long before the simulator acts (0 to turn off). */
    public void setLatencyMillis(long millis) {
        latencyMillis.set(Math.max(0, millis));
    }

    public void clear() {
        faults.clear();
        latencyMillis.set(0);
    }

    /** Called at the start of every simulated call: waits the injected latency, then takes the next fault (or null). */
    public F beforeCall() {
        long delay = latencyMillis.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return faults.poll();
    }
}
