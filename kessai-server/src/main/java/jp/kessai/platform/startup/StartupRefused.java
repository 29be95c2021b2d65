package jp.kessai.platform.startup;

/**
 * Kessai cannot start for a reason the operator can fix (the port is taken, another Kessai holds the data
 * directory). {@link StartupRefusedFailureAnalyzer} turns it into two lines, the reason and the fix, with no stack
 * trace; the process then exits with status 1.
 */
public class StartupRefused extends IllegalStateException {

    private final String action;

    public StartupRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    public String description() {
        return getMessage();
    }

    public String action() {
        return action;
    }
}
