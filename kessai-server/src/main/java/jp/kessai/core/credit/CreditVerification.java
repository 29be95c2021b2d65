package jp.kessai.core.credit;

import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditCardNumbers;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.Verdict;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.vault.StoreOptions;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultKeys;
import jp.kessai.core.vault.VaultOutcome;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.processor.card.CardBrand;
import org.springframework.stereotype.Service;

/**
 * 有効性確認 (/credit/verifyCard, no 3-D Secure): a zero-amount authorisation of the card (card data, or a stored
 * card) as one step of the pipeline, leaving a new order in CHECK. With {@link StoreOptions} the verified card is
 * stored in the vault in the finish transaction of that step, so a card is never stored without its successful
 * verification; the vault's rules are checked before the authorisation too, so a card the vault would refuse is not
 * verified for nothing.
 */
@Service
public class CreditVerification {

    private final OperationRunner runner;
    private final CreditOrders credit;
    private final CreditCardNumbers cardNumbers;
    private final CardSources sources;
    private final Vault vault;
    private final VaultKeys keys;
    private final CardAcquirer acquirer;
    private final Duration deadline;

    CreditVerification(OperationRunner runner, CreditOrders credit, CreditCardNumbers cardNumbers, CardSources sources,
            Vault vault, VaultKeys keys, CardAcquirer acquirer, KessaiProperties properties) {
        this.runner = runner;
        this.credit = credit;
        this.cardNumbers = cardNumbers;
        this.sources = sources;
        this.vault = vault;
        this.keys = keys;
        this.acquirer = acquirer;
        this.deadline = properties.credit().acquirerTimeout();
    }

    /** The verification's outcome and, when a card was to be stored, what was stored or why it was not. */
    public record VerificationOutcome(CreditOutcome credit, StoreResult stored, ResultCode storeRefusal) {

        static VerificationOutcome refused(ResultCode code) {
            return new VerificationOutcome(CreditOutcome.of(code, null), null, null);
        }

        public boolean ok() {
            return credit.ok() && storeRefusal == null;
        }
    }

    public VerificationOutcome verify(Shop shop, Channel channel, Command command,
            Participant<VerificationOutcome> participant) {
        VaultOutcome<CardSources.ResolvedCard> resolved = sources.resolve(shop, command.source());
        if (!resolved.ok()) {
            return VerificationOutcome.refused(resolved.code());
        }
        var card = resolved.value();
        if (!shop.settings().creditContracted()
                || (card.origin() == CreditCharge.CardOrigin.DIRECT && !shop.settings().pciDssCompliant())) {
            return VerificationOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
        }
        if (command.store() != null) {
            ResultCode refusal = vault.checkStorable(shop, card.data().pan(), command.store());
            if (refusal != null) {
                return VerificationOutcome.refused(refusal);
            }
        }
        var step = new Verify(shop, command, card);
        // an MP token is spent by the verification's claim, with the order (TokenSpend)
        Participant<OperationRunner.Run<CardAnswer, CreditDetail>> joined =
                card.spend().joiningCall(command.orderId(), participant.mapping(step::outcome));
        var run = runner.run(new OperationRunner.NewOrder(shop.id(), command.orderId(), PaymentMethod.CREDIT, channel,
                0, 0), step, joined);
        if (!run.claimed() && run.code() == ResultCode.ORDER_ID_ALREADY_USED && run.order() != null) {
            if (run.order().held()) {
                return new VerificationOutcome(CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(run.order())),
                        null, null);
            }
            if (run.order().status() == OrderStatus.UNPROCESSED) { // an earlier attempt failed: verify it again
                run = runner.run(new OperationRunner.Existing(run.order()), step, joined);
            }
        }
        return step.outcome(run);
    }

    private final class Verify extends CreditStep {

        private final Shop shop;
        private final Command command;
        private final CardSources.ResolvedCard card;
        private VaultOutcome<StoreResult> stored;

        Verify(Shop shop, Command command, CardSources.ResolvedCard card) {
            super(CreditVerification.this.credit, deadline);
            this.shop = shop;
            this.command = command;
            this.card = card;
        }

        @Override
        public Operation operation() {
            return Operation.VERIFY;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, "CHECK", null, card.data().pan().masked(), null, command.clientFields(), null, 0L);
        }

        @Override
        public void atClaim(long orderPk) {
            credit.saveCharge(orderPk, CardBrand.of(card.data().pan()).name(), card.data().expiryMonth(),
                    card.data().expiryYear(), card.data().cardholderName(), CreditPaymentMethod.ONE_TIME, null,
                    command.itemCode(), command.apiVersion(), command.requestDetails(), card.entry());
            CreditCharge.sealCardNumber(keys, cardNumbers, shop, orderPk, card.data().pan());
        }

        @Override
        public CardAnswer call() {
            return acquirer.authorize(reference, new CardAcquirer.Authorization(card.data().pan(),
                    card.data().expiryMonth(), card.data().expiryYear(), card.securityCode(), 0, false,
                    CreditPaymentMethod.ONE_TIME.name(), null, command.itemCode()));
        }

        /** The approval or failure as every credit step records it; after an approval, the card stored or renamed. */
        @Override
        public CreditDetail atFinish(Order order, Verdict verdict, CardAnswer answer) {
            CreditDetail detail = super.atFinish(order, verdict, answer);
            if (answer instanceof CardAnswer.Approved) {
                if (command.store() != null) {
                    stored = vault.store(shop, card.data(), command.store(), Participant.none());
                }
                if (card.stored() != null && command.source() instanceof CardSource.OnFile onFile
                        && onFile.cardholderName() != null) {
                    vault.updateCardholderName(shop, onFile.memberId(), card.stored().cardId(), onFile.cardholderName());
                }
            }
            return detail;
        }

        VerificationOutcome outcome(OperationRunner.Run<CardAnswer, CreditDetail> run) {
            CreditOutcome outcome = CreditStep.outcome(run, credit);
            if (stored == null) {
                return new VerificationOutcome(outcome, null, null);
            }
            return new VerificationOutcome(outcome, stored.value(), stored.ok() ? null : stored.code());
        }
    }

    /**
     * A verification after the face validated it.
     *
     * @param store where to store the verified card, or null not to store it
     * @param requestDetails the merchant, order and payer objects as JSON (no card data), kept with the order
     */
    public record Command(String orderId, ClientFields clientFields, CardSource source, String itemCode,
            StoreOptions store, String apiVersion, String requestDetails) {

        @Override
        public String toString() {
            return "Command[orderId=" + orderId + ", store=" + (store != null) + "]";
        }
    }
}
