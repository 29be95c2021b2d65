package jp.kessai.platform.logging;

/**
 * A log-safe description of an unexpected exception: the class names of the exception and its causes, and where it
 * was thrown — never a message. Messages carry values (a driver's message quotes the statement's parameters, a JSON
 * library's the offending text), and the faces promise that no request value reaches the log.
 */
public final class ExceptionSummary {

    /** How many causes are named at most (a cycle or a very deep chain stops there). */
    static final int MAX_CAUSES = 8;

    private ExceptionSummary() {}

    /**
     * For example {@code java.lang.IllegalStateException at jp.kessai.core.Foo.bar(Foo.java:42) caused by
     * org.postgresql.util.PSQLException}.
     */
    public static String of(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getName());
        StackTraceElement origin = origin(e);
        if (origin != null) {
            out.append(" at ").append(origin);
        }
        Throwable cause = e.getCause();
        for (int i = 0; cause != null && cause != e && i < MAX_CAUSES; i++) {
            out.append(" caused by ").append(cause.getClass().getName());
            cause = cause.getCause();
        }
        return out.toString();
    }

    /** The first frame in Kessai's own code, else the top frame (class, method, file and line only). */
    private static StackTraceElement origin(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("jp.kessai.")) {
                return frame;
            }
        }
        return frames.length == 0 ? null : frames[0];
    }
}
