package jp.kessai.junit;

import java.time.Duration;
import java.util.Map;

/**
 * Faults and latency injected into Kessai's simulated processors (docs/test-cards.md, "Faults and latency"): the JCB
 * Preca center, the NET CASH center, the card acquirer and the 3-D Secure server. Each queued fault is taken by one
 * call to that processor. Faults are held in memory by the one Kessai; {@link KessaiExtension} clears them before
 * each test unless told otherwise.
 */
public final class SandboxFaults {

    /** A fault of the JCB Preca or the NET CASH center. */
    public enum CenterFault {
        /** The request never reaches the center: the outcome is unknown until the reconciler settles it. */
        DROP_REQUEST,
        /** The center applies the request and the answer is lost: the outcome is unknown. */
        LOSE_ANSWER,
        /** The connection is refused: nothing happened, and the merchant may retry at once. */
        UNAVAILABLE,
        /** The call fails with an unexpected exception before the center acts; journaled as unknown. */
        THROW
    }

    /** A fault of the card acquirer (the openapi face's credit operations). */
    public enum CardFault {
        CARD_DECLINED, INSUFFICIENT_BALANCE, AMOUNT_LIMIT_EXCEEDED, PROCESSING_FAILURE, BAD_GATEWAY, MAINTENANCE,
        DROP_REQUEST, LOSE_ANSWER, THROW
    }

    /** A fault of the 3-D Secure server. */
    public enum ThreeDsFault {
        SERVER_UNAVAILABLE, LOSE_ANSWER
    }

    /** The fault queue and latency of one simulated processor. */
    public static final class Processor<F extends Enum<F>> {

        private final SandboxHttp sandbox;
        private final String path;

        private Processor(SandboxHttp sandbox, String path) {
            this.sandbox = sandbox;
            this.path = path;
        }

        /** The next call to this processor gets the fault. */
        public void next(F fault) {
            next(fault, 1);
        }

        /** The next {@code count} calls to this processor get the fault. */
        public void next(F fault, int count) {
            sandbox.post(path, Map.of("fault", fault.name(), "count", count));
        }

        /** Every call to this processor waits this long first ({@link Duration#ZERO} turns it off). */
        public void latency(Duration latency) {
            sandbox.post(path, Map.of("latencyMillis", latency.toMillis()));
        }

        /** Clears the queued faults and the latency. */
        public void clear() {
            sandbox.post(path, Map.of("fault", "NONE"));
        }
    }

    private final Processor<CenterFault> jcbPreca;
    private final Processor<CenterFault> netCash;
    private final Processor<CardFault> cardAcquirer;
    private final Processor<ThreeDsFault> threeDsServer;

    SandboxFaults(SandboxHttp sandbox) {
        this.jcbPreca = new Processor<>(sandbox, "/sandbox/jcb-preca/faults");
        this.netCash = new Processor<>(sandbox, "/sandbox/netcash/faults");
        this.cardAcquirer = new Processor<>(sandbox, "/sandbox/card/faults");
        this.threeDsServer = new Processor<>(sandbox, "/sandbox/tds2/faults");
    }

    /** The JCB Preca center: payments, cancels and balance inquiries. */
    public Processor<CenterFault> jcbPreca() {
        return jcbPreca;
    }

    /** The NET CASH center's payment requests ({@code ExecTranNetcash}). */
    public Processor<CenterFault> netCash() {
        return netCash;
    }

    /** The card acquirer: authorisations, captures, voids and changes on the openapi face. */
    public Processor<CardFault> cardAcquirer() {
        return cardAcquirer;
    }

    /** The 3-D Secure server: initiation, authentication and challenge results. */
    public Processor<ThreeDsFault> threeDsServer() {
        return threeDsServer;
    }

    /** Clears the faults and latencies of every processor. */
    public void clearAll() {
        jcbPreca.clear();
        netCash.clear();
        cardAcquirer.clear();
        threeDsServer.clear();
    }
}
