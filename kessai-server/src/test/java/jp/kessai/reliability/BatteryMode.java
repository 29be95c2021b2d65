package jp.kessai.reliability;

/**
 * The battery's two forms. {@code paymentsInFlight} bounds the payments being driven at once (a new one starts when one
 * finishes, every {@code paymentIntervalMillis} at most): merchants wait for their answers, and an unbounded number of
 * clients retrying through a long restart only measures how much a restarted node can take at once (see
 * docs/reliability.md, open findings). The short form runs inside {@code ./mvnw verify}; the long form is
 * {@code ./mvnw verify -Preliability} (docs/reliability.md), which sets {@code kessai.battery=long}. A soak of any
 * length: {@code -Dkessai.battery.kills=N} (with either form).
 */
record BatteryMode(String name, int kills, int clientsPerPayment, int raceClients, long paymentIntervalMillis,
        int paymentsInFlight) {

    /** Two kills: one under load, one during the start-up that follows (three start-ups in all, one cut short). */
    static final BatteryMode SHORT = new BatteryMode("short", 2, 3, 12, 400, 40);
    /**
     * Ten kills (the minimum), every other one during start-up: five full restarts and five cut short, so that
     * the long form fits CI's time limit (docs/reliability.md); a longer soak sets {@code kessai.battery.kills}.
     */
    static final BatteryMode LONG = new BatteryMode("long", 10, 4, 30, 250, 60);

    /** The mode of this run: {@code -Dkessai.battery=long} (the reliability profile), and {@code -Dkessai.battery.kills=N}. */
    static BatteryMode current() {
        BatteryMode mode = "long".equalsIgnoreCase(System.getProperty("kessai.battery", "short")) ? LONG : SHORT;
        Integer kills = Integer.getInteger("kessai.battery.kills");
        return kills == null ? mode : new BatteryMode(mode.name(), Math.max(1, kills), mode.clientsPerPayment(),
                mode.raceClients(), mode.paymentIntervalMillis(), mode.paymentsInFlight());
    }
}
