package jp.kessai.junit;

/**
 * A sandbox Kessai started for a test: where it listens, the demo shop, and the sandbox controls. A test gets it as
 * a parameter of type {@code Kessai} (with {@link KessaiTest} or a registered {@link KessaiExtension}), or uses the
 * {@link KessaiExtension} field itself, which is one.
 */
public interface Kessai {

    /** The port Kessai listens on (loopback only). */
    int port();

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the openapi face's base URL. */
    String baseUrl();

    /** The idpass face's URL of one API, e.g. {@code idpassUrl("EntryTranJcbPreca")} → {@code …/payment/EntryTranJcbPreca.idPass}. */
    default String idpassUrl(String apiName) {
        return baseUrl() + "/payment/" + apiName + ".idPass";
    }

    /** The idpass face's base URL, {@code <baseUrl>/payment}. */
    default String idpassBaseUrl() {
        return baseUrl() + "/payment";
    }

    /** The openapi face's base URL (the same as {@link #baseUrl()}: {@code /token}, {@code /credit/charge}, {@code /order/*}). */
    default String openapiBaseUrl() {
        return baseUrl();
    }

    /** The demo shop and its credentials. */
    DemoShop demoShop();

    /** The sandbox clock. */
    SandboxClock clock();

    /** Faults and latency of the simulated processors. */
    SandboxFaults faults();

    /** Test cards made by the test, and card balances. */
    SandboxCards cards();

    /** The background jobs (reconciliation, expiry, notifications), run now. */
    SandboxJobs jobs();
}
