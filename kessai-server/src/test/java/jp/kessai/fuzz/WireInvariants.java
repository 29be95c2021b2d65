package jp.kessai.fuzz;

import java.util.regex.Pattern;

/**
 * What every wire codec and validator promises, whatever bytes arrive: it answers with the face's own error or lets
 * the request through — it never throws. The one exception a fuzz target may see is the deliberate end of the road:
 * the target leaves the core services {@code null}, so a request that passed every check fails at the first call
 * into the core (see {@link #reachedTheCore}).
 */
public final class WireInvariants {

    /** Java's helpful NullPointerException message for a call on a null field of the endpoint (a core service). */
    private static final Pattern NULL_CORE_SERVICE =
            Pattern.compile("Cannot invoke \"jp\\.kessai\\.core\\.[^\"]+\" because \"this\\.[A-Za-z]+\" is null");

    private WireInvariants() {}

    /** True when {@code failure} is the null core service a fuzz target installs, reached after validation passed. */
    public static boolean reachedTheCore(Throwable failure) {
        return failure instanceof NullPointerException
                && failure.getMessage() != null
                && NULL_CORE_SERVICE.matcher(failure.getMessage()).matches();
    }
}
