package jp.kessai.processor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.kessai.platform.threads.KessaiThreads;

/** Runs a processor call under a deadline; a call that does not answer in time has an UNKNOWN outcome. */
public final class ProcessorCalls {

    private static final ExecutorService CALLERS = KessaiThreads.perTask("processor-call");

    private ProcessorCalls() {}

    public static <T> T withDeadline(Duration timeout, Callable<T> call) {
        Future<T> future = CALLERS.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the call may still complete at the processor: its outcome is unknown, not failed
            future.cancel(false);
            throw new ProcessorOutcomeUnknownException("no answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ProcessorOutcomeUnknownException("processor call failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessorOutcomeUnknownException("interrupted while waiting for the processor");
        }
    }
}
