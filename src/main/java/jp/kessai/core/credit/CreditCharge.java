package jp.kessai.core.credit;

import java.time.Clock;
import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardAnswer;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import jp.kessai.processor.card.CardBrand;
import org.springframework.stereotype.Service;

/**
 * 都度支払い with card data (/credit/charge, no 3-D Secure): validate (face) → check the contract → the
 * authorisation as one step of the pipeline, whose claim creates the order. An order whose earlier charge failed
 * (still UNPROCESSED) is charged again; any other existing order makes the OrderID unusable.
 */
@Service
public class CreditCharge {

    private final OperationRunner runner;
    private final CreditOrders credit;
    private final CardAcquirer acquirer;
    private final Clock clock;
    private final Duration deadline;

    CreditCharge(OperationRunner runner, CreditOrders credit, CardAcquirer acquirer, Clock clock,
            KessaiProperties properties) {
        this.runner = runner;
        this.credit = credit;
        this.acquirer = acquirer;
        this.clock = clock;
        this.deadline = properties.credit().acquirerTimeout();
    }

    /**
     * {@code channel} is the face charging; {@code participant} commits with the claim and with the finish (e.g. the
     * face's idempotency record).
     */
    public CreditOutcome charge(Shop shop, Channel channel, Command command, Participant<CreditOutcome> participant) {
        if (!contracted(shop.settings(), command)) {
            return CreditOutcome.of(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        var step = new Authorization(command);
        var joined = CreditStep.participant(participant, credit);
        // a new OrderID (the usual case) is created by the claim itself, with no read before it
        var run = runner.run(new OperationRunner.NewOrder(shop.id(), command.orderId(), PaymentMethod.CREDIT, channel,
                command.amountYen(), 0), step, joined);
        if (!run.claimed() && run.code() == ResultCode.ORDER_ID_ALREADY_USED && run.order() != null) {
            if (run.order().held()) {
                return CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(run.order()));
            }
            if (run.order().status() == OrderStatus.UNPROCESSED) { // an earlier charge failed: charge it again
                run = runner.run(new OperationRunner.Existing(run.order()), step, joined);
            }
        }
        return CreditStep.outcome(run, credit);
    }

    private final class Authorization extends CreditStep {

        private final Command command;

        Authorization(Command command) {
            super(CreditCharge.this.credit, deadline);
            this.command = command;
        }

        @Override
        public Operation operation() {
            return command.capture() ? Operation.AUTH_AND_CAPTURE : Operation.AUTHORIZE;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, command.capture() ? "CAPTURE" : "AUTH", null, command.pan().masked(), null,
                    command.clientFields(), command.capture() ? clock.instant() : null, command.amountYen());
        }

        /**
         * The card details are written with the claim: a concurrent charge of the same OrderID that loses the claim
         * cannot overwrite the winner's details, and they cost no commit of their own.
         */
        @Override
        public void atClaim(long orderPk) {
            credit.saveCharge(orderPk, CardBrand.of(command.pan()).name(), command.expiryMonth(), command.expiryYear(),
                    command.cardholderName(), command.paymentMethod(), command.installments(), command.itemCode(),
                    command.apiVersion(), command.requestDetails(), command.source());
        }

        @Override
        public CardAnswer call() {
            return acquirer.authorize(reference, new CardAcquirer.Authorization(command.pan(), command.expiryMonth(),
                    command.expiryYear(), command.securityCode(), command.amountYen(), command.capture(),
                    command.paymentMethod().name(), command.installments(), command.itemCode()));
        }
    }

    private static boolean contracted(ShopSettings settings, Command command) {
        if (!settings.creditContracted() || (command.source() == CardSource.CARD_DATA && !settings.pciDssCompliant())) {
            return false;
        }
        return switch (command.paymentMethod()) {
            case ONE_TIME -> true;
            case INSTALLMENT -> settings.installmentCounts().contains(command.installments());
            case BONUS_ONE_TIME -> settings.bonusContracted();
            case REVOLVING -> settings.revolvingContracted();
        };
    }

    /**
     * A charge after the face validated it. The security code goes to the acquirer and nowhere else.
     *
     * @param requestDetails the merchant, order and payer objects as JSON (no card data), kept with the order
     * @param source where the card came from; only {@link CardSource#CARD_DATA} needs the PCI DSS flag
     */
    public record Command(String orderId, long amountYen, ClientFields clientFields, CardNumber pan, String expiryMonth,
            String expiryYear, SecurityCode securityCode, String cardholderName, boolean capture,
            CreditPaymentMethod paymentMethod, Integer installments, String itemCode, String apiVersion,
            String requestDetails, CardSource source) {

        @Override
        public String toString() {
            return "Command[orderId=" + orderId + ", amountYen=" + amountYen + ", pan=" + pan + ", capture=" + capture + "]";
        }
    }
}
