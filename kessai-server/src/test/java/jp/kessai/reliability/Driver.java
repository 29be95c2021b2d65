package jp.kessai.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jp.kessai.reliability.Operation.Verdict;

/**
 * Drives payments through their lifecycles the way merchants do under failure: for each operation, several clients
 * send the same request and retry it until one answer says done; afterwards one client makes a mistake on it. Every
 * answer that is wrong (a 500, an unexpected system error, a correct retry refused, a mistake not refused in the
 * face's format) is a violation; the counts feed docs/reliability.md.
 */
final class Driver {

    private final Supplier<String> node;
    private final Duration operationDeadline;
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final Map<Verdict, AtomicLong> verdicts = new ConcurrentHashMap<>();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    /** Client mistakes still answered "busy" or "unavailable" after a minute of asking again (not judged). */
    final AtomicLong mistakesUnjudged = new AtomicLong();
    final Queue<Payment> payments = new ConcurrentLinkedQueue<>();
    /** The longest a payment took to be driven through (its slowest client's view of a failure's cost). */
    final AtomicLong slowestMillis = new AtomicLong();

    /** {@code node} names the node a request goes to (it may change between requests: failover, two nodes). */
    Driver(Supplier<String> node, Duration operationDeadline) {
        this.node = node;
        this.operationDeadline = operationDeadline;
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, new AtomicLong());
        }
    }

    /** A new payment of {@code lifecycle} for the demo shop, driven through its lifecycle; a failure is a violation. */
    void driveNew(Lifecycle lifecycle, int clients) {
        try {
            drive(lifecycle.newPayment(node, Payment.Shop.DEMO), clients);
        } catch (RuntimeException e) {
            violations.add(lifecycle + ": " + e);
        }
    }

    /** Runs {@code payment} through its lifecycle with {@code clients} clients per operation; stops at the first operation not done. */
    void drive(Payment payment, int clients) {
        payments.add(payment);
        long started = System.nanoTime();
        try {
            driveThrough(payment, clients);
        } finally {
            payment.progress = null;
            slowestMillis.accumulateAndGet(Duration.ofNanos(System.nanoTime() - started).toMillis(), Math::max);
        }
    }

    private void driveThrough(Payment payment, int clients) {
        for (Operation operation : payment.lifecycle.operations()) {
            if (!driveOperation(payment, operation, clients)) {
                return;
            }
            payment.progress = operation.name() + ": judging a client mistake since " + java.time.Instant.now();
            var mistake = operation.mistake(node.get(), payment);
            long judgeBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (notJudgedYet(mistake) && System.nanoTime() < judgeBy) {
                // with no database the face cannot judge the request yet: "temporarily unavailable" is its answer;
                // with the shop's concurrency slots or the node's bound on requests in progress taken by other
                // payments, "too many requests" (idpass E92000001) is (both come before the body's checks,
                // docs/openapi.md)
                Lifecycle.pause(300);
                mistake = operation.mistake(node.get(), payment);
                payment.progress = operation.name() + ": judging a client mistake; last answer " + describe(mistake);
            }
            if (notJudgedYet(mistake)) {
                mistakesUnjudged.incrementAndGet(); // busy for a minute: a right answer, but not the judgement
            } else if (!operation.refusedProperly(mistake)) {
                violations.add(payment + " " + operation.name() + ": a client mistake was answered " + mistake.status()
                        + " " + abbreviate(mistake.body()));
            }
        }
    }

    /** Drives one operation of {@code payment} until some client sees it done; false if none did by the deadline. */
    boolean driveOperation(Payment payment, Operation operation, int clients) {
        long deadline = System.nanoTime() + operationDeadline.toNanos();
        payment.progress = operation.name() + " since " + java.time.Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> retryUntilDone(payment, operation, deadline)));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return payment.done.contains(operation.name());
    }

    private void retryUntilDone(Payment payment, Operation operation, long deadline) {
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            var result = operation.attempt(node.get(), payment);
            verdicts.get(result.verdict()).incrementAndGet();
            payment.progress = operation.name() + ": last answer " + describe(result.answer()) + " at "
                    + java.time.Instant.now();
            switch (result.verdict()) {
                case ACKED -> {
                    payment.acked(operation.name(), result.answer().body());
                    return;
                }
                case DONE_BEFORE -> {
                    payment.done.add(operation.name());
                    return;
                }
                case WRONG -> {
                    violations.add(payment + " " + operation.name() + ": answered " + result.answer().status() + " "
                            + abbreviate(result.answer().body()));
                    return;
                }
                case RETRY -> {
                    if (result.answer().none()) {
                        noAnswer.incrementAndGet();
                    } else if (unavailable(result.answer())) {
                        unavailable.incrementAndGet();
                    }
                    Lifecycle.pause(250 + ThreadLocalRandom.current().nextInt(250));
                }
            }
        }
    }

    /** The payments still being driven, with where each stands (for a run that did not finish in time). */
    List<String> unfinished() {
        List<String> unfinished = new ArrayList<>();
        for (Payment p : payments) {
            String progress = p.progress;
            if (progress != null) {
                unfinished.add(p + ": " + progress);
            }
        }
        return unfinished;
    }

    private static String describe(Wire.Answer answer) {
        return answer.none() ? "none" : answer.status() + " " + abbreviate(answer.body().replaceAll("\\s+", " "));
    }

    /** No answer, or one that comes before the face looks at the request (no database, the shop's slots taken). */
    private static boolean notJudgedYet(Wire.Answer mistake) {
        return mistake.none() || unavailable(mistake) || busy(mistake);
    }

    /** Too many requests in progress: the shop's concurrency slots or the node's bound (kessai.server.max-in-flight). */
    static boolean busy(Wire.Answer answer) {
        return answer.status() == 429 || answer.status() == 200 && answer.body().equals(Lifecycle.IDPASS_BUSY);
    }

    static boolean unavailable(Wire.Answer answer) {
        return answer.status() == 503 && answer.body().contains("service_unavailable")
                || answer.status() == 200 && answer.body().equals("ErrCode=E91&ErrInfo=E91019999")
                || reloadPage(answer);
    }

    /**
     * The 3-D Secure pages' "reload in a moment" page (503): their answer while the database cannot be reached, and
     * while the node's bound on requests in progress is reached (Tds2BrowserController, OpenApiErrorPage).
     */
    static final String RELOAD_MESSAGE = "しばらくしてから、このページを再読み込みしてください。";

    static boolean reloadPage(Wire.Answer answer) {
        return answer.status() == 503 && answer.contentType().startsWith("text/html")
                && answer.body().contains(RELOAD_MESSAGE);
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    long requests() {
        return verdicts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    String summary() {
        return "payments=" + payments.size() + " requests=" + requests() + " verdicts=" + verdicts + " noAnswer=" + noAnswer
                + " unavailable=" + unavailable + " mistakesUnjudged=" + mistakesUnjudged + " slowestPayment="
                + slowestMillis.get() / 1000 + "s";
    }
}
