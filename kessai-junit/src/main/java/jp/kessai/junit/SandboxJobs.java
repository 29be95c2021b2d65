package jp.kessai.junit;

/**
 * Kessai's background jobs, run now instead of at their intervals: a test advances the {@link SandboxClock} and
 * then runs the job that reads it. Each answers how many items it handled.
 */
public final class SandboxJobs {

    private final SandboxHttp sandbox;

    SandboxJobs(SandboxHttp sandbox) {
        this.sandbox = sandbox;
    }

    /** One reconciliation pass of the JCB Preca and NET CASH center calls whose outcome is unknown. */
    public int reconcileCenters() {
        return sandbox.post("/sandbox/reconcile", null).get("settled").asInt();
    }

    /** One reconciliation pass of the card acquirer's calls whose outcome is unknown. */
    public int reconcileCards() {
        return sandbox.post("/sandbox/card/reconcile", null).get("settled").asInt();
    }

    /** The NET CASH expiry sweep: orders past their payment deadline become {@code EXPIRED}. */
    public int expireNetCash() {
        return sandbox.post("/sandbox/netcash/expire", null).get("expired").asInt();
    }

    /** Abandoned 3-D Secure flows expire. */
    public int expireThreeDs() {
        return sandbox.post("/sandbox/tds2/expire", null).get("expired").asInt();
    }

    /** One pass of the notification dispatcher (result notifications to the merchant). */
    public int dispatchNotifications() {
        return sandbox.post("/sandbox/notifications/dispatch", null).get("handled").asInt();
    }
}
