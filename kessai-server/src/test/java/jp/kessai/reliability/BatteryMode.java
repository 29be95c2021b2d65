package jp.kessai.reliability;

/**
 * The battery's two forms. The short form runs inside {@code ./mvnw verify}; the long form is
 * {@code ./mvnw verify -Preliability} (docs/reliability.md), which sets {@code kessai.battery=long}.
 */
record BatteryMode(String name, int kills, int clientsPerPayment, int raceClients, long paymentIntervalMillis) {

    /** Two kills: one under load, one during the start-up that follows (three start-ups in all, one cut short). */
    static final BatteryMode SHORT = new BatteryMode("short", 2, 3, 12, 400);
    static final BatteryMode LONG = new BatteryMode("long", 12, 4, 30, 250);

    static BatteryMode current() {
        return "long".equalsIgnoreCase(System.getProperty("kessai.battery", "short")) ? LONG : SHORT;
    }
}
