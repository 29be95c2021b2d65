package jp.kessai.core.threeds;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CardSource;
import jp.kessai.core.credit.CardSources;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditOnfileCharge;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.credit.CreditVerification;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditRecords;
import jp.kessai.core.credit.CreditStateTable;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OperationStep;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.core.vault.Vault;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.processor.ProcessorUnavailableException;
import jp.kessai.processor.threeds.ThreeDsServer;
import org.springframework.stereotype.Service;

/**
 * A charge or a card verification with 3-D Secure (useTds2 true), up to the redirect: the contract, the card range
 * (enrolled or not), then 認証初期化 as one step of the pipeline, whose claim creates the order with its card details
 * and its flow, and whose finish makes it AUTHENTICATED (the 202 with the redirect) or leaves it UNPROCESSED with
 * the failure. A card that is not enrolled fails with TDS_NOT_ENROLLED, unless the merchant asked to skip
 * (skipNotEnrolledCard): a charge is then authorised at once without 3-D Secure.
 *
 * <p>The card is card data or a stored card ({@link CardSource}): a stored card is opened from the vault here, in
 * the core, and sealed with the flow as card data is; the face never sees its number. A verification may ask to
 * store the card: the vault's rules are checked before anything is written, and the card is stored once the
 * authorisation after authentication succeeded ({@link Authorisations}).
 */
@Service
public class ThreeDsStart {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OperationRunner runner;
    private final CreditCharge charge;
    private final CreditRecords records;
    private final ThreeDsServer server;
    private final ThreeDsFlows flows;
    private final Authorisations authorisations;
    private final FieldCipher cipher;
    private final Clock clock;
    private final KessaiProperties.Tds2 settings;
    private final CardSources sources;
    private final Vault vault;
    private final CreditOnfileCharge onfileCharge;

    ThreeDsStart(OperationRunner runner, CreditCharge charge, CreditRecords records, ThreeDsServer server,
            ThreeDsFlows flows, Authorisations authorisations, FieldCipher cipher, Clock clock,
            KessaiProperties properties, CardSources sources, Vault vault, CreditOnfileCharge onfileCharge) {
        this.sources = sources;
        this.vault = vault;
        this.onfileCharge = onfileCharge;
        this.runner = runner;
        this.charge = charge;
        this.records = records;
        this.server = server;
        this.flows = flows;
        this.authorisations = authorisations;
        this.cipher = cipher;
        this.clock = clock;
        this.settings = properties.tds2();
    }

    /** 都度支払い with 3-D Secure; {@code participant} joins the claim and the finish (e.g. an idempotency record). */
    public StartOutcome charge(Shop shop, Channel channel, CreditCharge.Command command, ThreeDsRequest request,
            Participant<StartOutcome> participant) {
        return start(shop, channel, FlowKind.CHARGE, command, CreditCharge.CardOrigin.sentWith(command.entry()),
                Authorisations.OnFile.NONE, request, participant, p -> charge.charge(shop, channel, command, p));
    }

    /**
     * 随時支払い with 3-D Secure (/credit/on-file/charge with useTds2 true): the member's stored card, opened from the
     * vault here; as {@link #charge} from there on. A card that is not enrolled with skipNotEnrolledCard true is
     * charged at once as an on-file payment without 3-D Secure.
     */
    public StartOutcome chargeOnFile(Shop shop, Channel channel, CreditOnfileCharge.Command command,
            ThreeDsRequest request, Participant<StartOutcome> participant) {
        var resolved = sources.resolve(shop, new CardSource.OnFile(command.memberId(), command.selector(),
                command.cardholderName()));
        if (!resolved.ok()) {
            return StartOutcome.refused(resolved.code());
        }
        var card = resolved.value();
        var chargeCommand = new CreditCharge.Command(command.orderId(), command.amountYen(), command.clientFields(),
                card.data().pan(), card.data().expiryMonth(), card.data().expiryYear(), null,
                card.data().cardholderName(), command.capture(), command.paymentMethod(), command.installments(),
                command.itemCode(), command.apiVersion(), command.requestDetails(), card.entry());
        var onFile = new Authorisations.OnFile(null, command.memberId(), card.stored().cardId(),
                command.cardholderName());
        return start(shop, channel, FlowKind.CHARGE, chargeCommand, card.origin(), onFile, request, participant,
                p -> onfileCharge.charge(shop, channel, command, p));
    }

    /**
     * 有効性確認 with 3-D Secure (/credit/verifyCard with useTds2 true) of card data or a stored card, storing the card
     * after a successful verification when {@code command.store()} asks. A card that is not enrolled with
     * skipNotEnrolledCard true comes back OK with {@code verificationSkipped} (nothing written): the caller verifies
     * it without 3-D Secure ({@link CreditVerification}), which stores it too.
     */
    public StartOutcome verify(Shop shop, Channel channel, CreditVerification.Command command, ThreeDsRequest request,
            Participant<StartOutcome> participant) {
        var resolved = sources.resolve(shop, command.source());
        if (!resolved.ok()) {
            return StartOutcome.refused(resolved.code());
        }
        var card = resolved.value();
        if (command.store() != null) {
            ResultCode refusal = vault.checkStorable(shop, card.data().pan(), command.store());
            if (refusal != null) {
                return StartOutcome.refused(refusal);
            }
        }
        var zero = new CreditCharge.Command(command.orderId(), 0, command.clientFields(), card.data().pan(),
                card.data().expiryMonth(), card.data().expiryYear(), card.securityCode(), card.data().cardholderName(),
                false, CreditPaymentMethod.ONE_TIME, null, command.itemCode(), command.apiVersion(),
                command.requestDetails(), card.entry(), card.spend());
        var onFile = command.source() instanceof CardSource.OnFile stored && card.stored() != null
                ? new Authorisations.OnFile(command.store(), stored.memberId(), card.stored().cardId(),
                        stored.cardholderName())
                : new Authorisations.OnFile(command.store(), null, null, null);
        return start(shop, channel, FlowKind.VERIFICATION, zero, card.origin(), onFile, request, participant, null);
    }

    /**
     * @param withoutTds2 the charge without 3-D Secure, for a card that is not enrolled when the merchant asked to
     *     skip (null for a verification: the caller verifies)
     */
    private StartOutcome start(Shop shop, Channel channel, FlowKind kind, CreditCharge.Command command,
            CreditCharge.CardOrigin origin, Authorisations.OnFile onFile, ThreeDsRequest request,
            Participant<StartOutcome> participant, Function<Participant<CreditOutcome>, CreditOutcome> withoutTds2) {
        if (!CreditCharge.contracted(shop.settings(), command, origin)) {
            return StartOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
        }
        boolean enrolled;
        try {
            enrolled = server.enrolled(command.pan());
        } catch (ProcessorUnavailableException e) {
            return StartOutcome.refused(ResultCode.PROCESSOR_UNAVAILABLE);
        }
        if (!enrolled && request.skipNotEnrolledCard()) {
            if (kind == FlowKind.VERIFICATION) {
                return new StartOutcome(ResultCode.OK, null, null, null, true);
            }
            return StartOutcome.of(withoutTds2.apply(participant.mapping(StartOutcome::of)));
        }
        var step = new Initiation(shop, kind, command, onFile, request, enrolled);
        // an MP token is spent by the initiation's claim, with the order (TokenSpend); the flow keeps its card sealed
        var joined = command.spend().joiningCall(command.orderId(), joined(participant));
        var run = runner.run(new OperationRunner.NewOrder(shop.id(), command.orderId(), PaymentMethod.CREDIT, channel,
                command.amountYen(), 0), step, joined);
        if (!run.claimed() && run.code() == ResultCode.ORDER_ID_ALREADY_USED && run.order() != null) {
            if (run.order().held()) {
                return new StartOutcome(ResultCode.OPERATION_IN_PROGRESS, records.load(run.order()), null, null, false);
            }
            if (run.order().status() == OrderStatus.UNPROCESSED) { // an earlier charge failed: charge it again
                run = runner.run(new OperationRunner.Existing(run.order()), step, joined);
            }
        }
        return outcome(run);
    }

    private StartOutcome outcome(OperationRunner.Run<Optional<ThreeDsServer.Initiation>, ThreeDsFlow> run) {
        if (run.order() == null) {
            return StartOutcome.refused(run.code());
        }
        var transaction = records.load(run.order());
        String token = run.ok() && run.detail() != null ? run.detail().token() : null;
        return new StartOutcome(run.code(), transaction, null, token, false);
    }

    private Participant<OperationRunner.Run<Optional<ThreeDsServer.Initiation>, ThreeDsFlow>> joined(
            Participant<StartOutcome> face) {
        return face.mapping(this::outcome);
    }

    /** 認証初期化 as a pipeline step: the order and its flow at the claim, the 3DS transaction, the flow's next state. */
    private final class Initiation implements OperationStep<Optional<ThreeDsServer.Initiation>, ThreeDsFlow> {

        private final Shop shop;
        private final FlowKind kind;
        private final CreditCharge.Command command;
        private final Authorisations.OnFile onFile;
        private final ThreeDsRequest request;
        private final boolean enrolled;
        private final String reference = randomHex(16);
        private final String token = randomHex(20);

        Initiation(Shop shop, FlowKind kind, CreditCharge.Command command, Authorisations.OnFile onFile,
                ThreeDsRequest request, boolean enrolled) {
            this.onFile = onFile;
            this.shop = shop;
            this.kind = kind;
            this.command = command;
            this.request = request;
            this.enrolled = enrolled;
        }

        @Override
        public Operation operation() {
            return Operation.TDS_ENTRY;
        }

        @Override
        public StateTable<OrderStatus> table() {
            return CreditStateTable.TABLE;
        }

        @Override
        public String processorRef() {
            return reference;
        }

        @Override
        public Duration deadline() {
            return settings.serverTimeout();
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, null, null, command.pan().masked(), null, command.clientFields(), null,
                    command.amountYen());
        }

        @Override
        public void atClaim(long orderPk) {
            records.saveCharge(orderPk, command);
            flows.insert(orderPk, shop.id(), token, kind, request.allowAttempt(), request.autoAuthorization(),
                    request.requiresChallenge(), command.capture(), request.callbackUrl(), request.csrfToken(),
                    cipher.encrypt(command.pan().expose()),
                    command.securityCode() == null ? null : cipher.encrypt(command.securityCode().expose()),
                    authorisations.store(command, onFile), reference, clock.instant().plus(settings.flowLifetime()));
        }

        @Override
        public Optional<ThreeDsServer.Initiation> call() {
            if (!enrolled) {
                return Optional.empty(); // known from the card range: nothing to initiate
            }
            return Optional.of(server.initiate(reference, new ThreeDsServer.InitiateRequest(command.pan(),
                    command.expiryMonth(), command.expiryYear(), command.amountYen(), request.requiresChallenge(),
                    command.cardholderName(), request.cardholderEmail(), request.cardholderPhone(),
                    ThreeDsPaths.challengeReturn(token))));
        }

        @Override
        public Verdict classify(Optional<ThreeDsServer.Initiation> answer) {
            return answer.isPresent() ? Verdict.success() : Verdict.failure(ResultCode.TDS_NOT_ENROLLED);
        }

        @Override
        public ThreeDsFlow atFinish(Order order, Verdict verdict, Optional<ThreeDsServer.Initiation> answer) {
            return switch (verdict.outcome()) {
                case SUCCESS -> flows.initiated(order.id(), answer.orElseThrow().serverTransId(),
                        answer.orElseThrow().methodUrl()).orElse(null);
                case FAILURE -> {
                    records.recordFailure(order.id(), verdict.code());
                    yield flows.failed(order.id(), ThreeDsFlowState.INITIATING, verdict.code(), null, null, null)
                            .orElse(null);
                }
                case UNKNOWN -> {
                    // as a credit step does: the inquiry shows the unknown outcome until the reconciler settles it
                    records.recordFailure(order.id(), verdict.code());
                    yield null;
                }
                case PENDING -> null;
            };
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
