package jp.kessai.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kessai's configuration contract ({@code kessai.*}); every property is documented in docs/configuration.md.
 */
@ConfigurationProperties("kessai")
public record KessaiProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Demo demo,
        @DefaultValue Crypto crypto,
        @DefaultValue EmbeddedPostgres embeddedPostgres,
        @DefaultValue Centers centers,
        @DefaultValue Reconciler reconciler,
        @DefaultValue Notifications notifications,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue Credit credit,
        @DefaultValue OpenApi openapi,
        @DefaultValue Vault vault,
        @DefaultValue Admin admin,
        @DefaultValue Tds2 tds2,
        @DefaultValue Server server) {

    public record Sandbox(@DefaultValue("true") boolean enabled) {}

    /**
     * Notification dispatch: how often due notifications are looked for, and how long one node holds an entry while
     * delivering it (after that another node may take it: at-least-once).
     */
    public record Notifications(@DefaultValue("5s") Duration pollInterval, @DefaultValue("60s") Duration lease,
            @DefaultValue("60s") Duration expiryInterval) {}

    public record Demo(
            @DefaultValue("tshop00000001") String shopId,
            @DefaultValue("kessai01") String shopPass,
            @DefaultValue("100001") String robotAid,
            @DefaultValue("") String resultNotificationUrl) {}

    /** {@code masterKey}: base64 of 32 bytes; when empty a key file is created under the data directory. */
    public record Crypto(@DefaultValue("") String masterKey) {}

    /**
     * {@code port} 0 picks a free loopback port at each start. {@code poolSize}: Kessai's connections to it (measured
     * on 2 cores by {@code bench/pool-sweep.sh}; see docs/performance.md).
     */
    public record EmbeddedPostgres(@DefaultValue("0") int port, @DefaultValue("16") int poolSize) {}

    /**
     * Seeds 000 and 001 §1.2.3: the service times out its calls to the payment centers (JCB Preca, NET CASH) after
     * 90 seconds. The reconciler's grace period is never shorter than this plus 30 seconds.
     */
    public record Centers(@DefaultValue("90s") Duration timeout) {}

    /** How long Kessai waits for the card acquirer before the outcome of a call counts as unknown. */
    public record Credit(@DefaultValue("60s") Duration acquirerTimeout) {}

    /**
     * The OpenAPI type face: access token lifetime (seed: 3600 s), how long an Idempotency-Key is remembered (seed:
     * 24 h), the leases that free an idempotency key or a concurrency slot held by a node that died mid-request
     * (longer than any request can run), and how often (and in how large batches) records past the window are
     * deleted.
     */
    public record OpenApi(
            @DefaultValue("3600s") Duration tokenLifetime,
            @DefaultValue("24h") Duration idempotencyWindow,
            @DefaultValue("5m") Duration requestLease,
            @DefaultValue("10m") Duration idempotencyPurgeInterval,
            @DefaultValue("500") int idempotencyPurgeBatch) {}

    /** How often unsettled (UNKNOWN) processor calls are re-examined, and how old a PENDING attempt must be to count as lost. */
    public record Reconciler(@DefaultValue("30s") Duration interval, @DefaultValue("120s") Duration pendingGrace) {}

    /**
     * The card vault's keys, one set per shop mode ({@code test} for TEST-mode shops, {@code production} for
     * PRODUCTION-mode shops; they must differ), and the re-encryption batch size of a key rotation.
     */
    public record Vault(@DefaultValue VaultKeys test, @DefaultValue VaultKeys production,
            @DefaultValue("500") int rotationBatch, @DefaultValue("30s") Duration rotationLease) {}

    /**
     * One mode's vault keys: the key-encryption key (KEK) that wraps the data keys, and the fingerprint key (HMAC) of
     * duplicate-card checks — each base64 of 32 bytes, given inline ({@code kek}, {@code fingerprint-key}, e.g. from
     * the environment) or as a file path ({@code kek-file}, {@code fingerprint-key-file}). For TEST mode, missing keys
     * are created once under the data directory; PRODUCTION keys must be configured.
     */
    public record VaultKeys(@DefaultValue("") String kek, @DefaultValue("") String kekFile,
            @DefaultValue("") String fingerprintKey, @DefaultValue("") String fingerprintKeyFile) {

        @Override
        public String toString() {
            return "VaultKeys[kek=" + (kek.isEmpty() ? "" : "****") + ", kekFile=" + kekFile + ", fingerprintKey="
                    + (fingerprintKey.isEmpty() ? "" : "****") + ", fingerprintKeyFile=" + fingerprintKeyFile + "]";
        }
    }

    /**
     * The admin API ({@code /admin/**}): the bearer token an operator sends; when empty the admin API answers 404.
     */
    public record Admin(@DefaultValue("") String token) {

        @Override
        public String toString() {
            return "Admin[token=" + (token.isEmpty() ? "" : "****") + "]";
        }
    }

    /**
     * 3-D Secure 2: how long Kessai waits for the 3DS server; how long a customer has, from the 202, to finish
     * authentication in the browser; how long an authentication waits for the merchant's /tds2/finalize* call
     * (autoAuthorization false); how old an authenticated flow must be before the recovery job runs an automatic
     * authorisation that a crash interrupted; how often abandoned flows are expired and stalled ones recovered.
     */
    public record Tds2(
            @DefaultValue("30s") Duration serverTimeout,
            @DefaultValue("15m") Duration flowLifetime,
            @DefaultValue("60m") Duration finalizeWindow,
            @DefaultValue("60s") Duration recoveryGrace,
            @DefaultValue("60s") Duration sweepInterval) {}

    /**
     * The node's admission bound, checked before a request's body is read or a database connection taken: at most
     * {@code maxInFlight} requests in progress on the faces at once (a request over it waits up to
     * {@code admissionWait} for a slot, then gets its face's "busy" answer), and at most
     * {@code managementMaxInFlight} on the management endpoints ({@code /actuator/…}), counted apart so that health
     * checks and metrics stay reachable while the faces are full. Sized for {@code -Xmx512m}: docs/operations.md.
     */
    public record Server(
            @DefaultValue("512") int maxInFlight,
            @DefaultValue("100ms") Duration admissionWait,
            @DefaultValue("8") int managementMaxInFlight) {

        public Server {
            if (maxInFlight < 1 || managementMaxInFlight < 1) {
                throw new IllegalArgumentException("kessai.server.max-in-flight and management-max-in-flight must be at least 1");
            }
            if (admissionWait.isNegative()) {
                throw new IllegalArgumentException("kessai.server.admission-wait must not be negative");
            }
        }
    }
}
