package jp.kessai.core.credit;

import java.time.Clock;
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
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.core.token.TokenSpend;
import jp.kessai.core.vault.VaultKeys;
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
    private final CreditCardNumbers cardNumbers;
    private final VaultKeys keys;
    private final CardAcquirer acquirer;
    private final Clock clock;
    private final Duration deadline;

    CreditCharge(OperationRunner runner, CreditOrders credit, CreditCardNumbers cardNumbers, VaultKeys keys,
            CardAcquirer acquirer, Clock clock, KessaiProperties properties) {
        this.runner = runner;
        this.credit = credit;
        this.cardNumbers = cardNumbers;
        this.keys = keys;
        this.acquirer = acquirer;
        this.clock = clock;
        this.deadline = properties.credit().acquirerTimeout();
    }

    /** Where the card of a charge came from: the contract a shop needs differs (card data directly needs PCI DSS). */
    public enum CardOrigin {
        /** Card data sent by the merchant (PCI DSS certified shops only). */
        DIRECT,
        /** A card stored in the vault (on-file payment). */
        STORED,
        /** A card behind a token (MP token, wallet token). */
        TOKENIZED;

        /** The origin of a card the merchant's request carried: its data directly, or behind a token. */
        public static CardOrigin sentWith(CardEntry entry) {
            return entry == CardEntry.CARD_DATA ? DIRECT : TOKENIZED;
        }
    }

    /**
     * A charge with the card the merchant's request carried: card data sent directly ({@link CardEntry#CARD_DATA},
     * {@link CardOrigin#DIRECT}, PCI DSS shops only) or a card behind a token or a wallet ({@link CardOrigin#TOKENIZED}).
     */
    public CreditOutcome charge(Shop shop, Channel channel, Command command, Participant<CreditOutcome> participant) {
        return charge(shop, channel, command, CardOrigin.sentWith(command.entry()), participant);
    }

    /**
     * {@code channel} is the face charging; {@code participant} commits with the claim and with the finish (e.g. the
     * face's idempotency record).
     */
    public CreditOutcome charge(Shop shop, Channel channel, Command command, CardOrigin origin,
            Participant<CreditOutcome> participant) {
        if (!contracted(shop.settings(), command, origin)) {
            return CreditOutcome.of(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        // the gateway's own check: no card company asked, nothing written (a token's number was checked when it was made)
        if (origin != CardOrigin.TOKENIZED && !command.pan().passesLuhnCheck()) {
            return CreditOutcome.of(ResultCode.CARD_NUMBER_CHECK_DIGIT, null);
        }
        var step = new Authorization(shop, command);
        // an MP token is spent by the claim, with the order (TokenSpend)
        var joined = command.spend().joiningCall(command.orderId(), CreditStep.participant(participant, credit));
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

    /**
     * The authorisation that follows a successful 3-D Secure authentication (automatic, or /tds2/finalizeCharge):
     * the same step as a charge, run on the AUTHENTICATED order. The caller (core/threeds) decided that the
     * authentication allows it.
     */
    public CreditOutcome authorizeAuthenticated(Shop shop, Order order, Command command,
            Participant<CreditOutcome> participant) {
        return runAuthenticated(order, new Authorization(shop, command, false), participant);
    }

    /**
     * The card verification (有効性確認, a zero-amount authorisation; the order becomes CHECK) that follows a
     * successful 3-D Secure authentication (automatic, or /tds2/finalizeVerification).
     */
    public CreditOutcome verifyAuthenticated(Shop shop, Order order, Command command,
            Participant<CreditOutcome> participant) {
        return runAuthenticated(order, new Authorization(shop, command, true), participant);
    }

    private CreditOutcome runAuthenticated(Order order, Authorization step, Participant<CreditOutcome> participant) {
        if (order.status() != OrderStatus.AUTHENTICATED) {
            return CreditOutcome.of(order.held() ? ResultCode.OPERATION_IN_PROGRESS : ResultCode.INVALID_STATUS,
                    credit.load(order));
        }
        var run = runner.run(new OperationRunner.Existing(order), step, CreditStep.participant(participant, credit));
        return CreditStep.outcome(run, credit);
    }

    private final class Authorization extends CreditStep {

        private final Shop shop;
        private final Command command;
        /** A card verification after 3-D Secure: VERIFY, zero yen, the order becomes CHECK. */
        private final boolean verification;

        Authorization(Shop shop, Command command) {
            this(shop, command, false);
        }

        Authorization(Shop shop, Command command, boolean verification) {
            super(CreditCharge.this.credit, deadline);
            this.shop = shop;
            this.command = command;
            this.verification = verification;
        }

        @Override
        public Operation operation() {
            if (verification) {
                return Operation.VERIFY;
            }
            return command.capture() ? Operation.AUTH_AND_CAPTURE : Operation.AUTHORIZE;
        }

        @Override
        public OrderChange onSuccess() {
            if (verification) {
                return new OrderChange(null, "CHECK", null, command.pan().masked(), null, command.clientFields(), null, 0L);
            }
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
                    command.apiVersion(), command.requestDetails(), command.entry());
            sealCardNumber(keys, cardNumbers, shop, orderPk, command.pan());
        }

        @Override
        public CardAnswer call() {
            return acquirer.authorize(reference, new CardAcquirer.Authorization(command.pan(), command.expiryMonth(),
                    command.expiryYear(), command.securityCode(), verification ? 0 : command.amountYen(),
                    !verification && command.capture(),
                    command.paymentMethod().name(), command.installments(), command.itemCode()));
        }
    }

    /**
     * Keeps the order's card number sealed by the vault's keys (bound to the shop and the order), for /credit/storeCard
     * by reference. A PRODUCTION shop on a node without production vault keys charges without it.
     */
    static void sealCardNumber(VaultKeys keys, CreditCardNumbers cardNumbers, Shop shop, long orderPk, CardNumber pan) {
        if (keys.available(shop.mode())) {
            cardNumbers.save(orderPk, keys.sealCardNumber(shop.mode(), pan, CreditCardNumbers.aad(shop.id(), orderPk)));
        }
    }

    /** Whether the shop's contract allows this charge (the card's origin, the payment method). */
    public static boolean contracted(ShopSettings settings, Command command, CardOrigin origin) {
        if (!settings.creditContracted() || (origin == CardOrigin.DIRECT && !settings.pciDssCompliant())) {
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
     * @param entry how the card was entered, kept with the order; the contract needed follows the {@link CardOrigin}
     */
    public record Command(String orderId, long amountYen, ClientFields clientFields, CardNumber pan, String expiryMonth,
            String expiryYear, SecurityCode securityCode, String cardholderName, boolean capture,
            CreditPaymentMethod paymentMethod, Integer installments, String itemCode, String apiVersion,
            String requestDetails, CardEntry entry, TokenSpend spend) {

        /** A command whose card is not behind an MP token. */
        public Command(String orderId, long amountYen, ClientFields clientFields, CardNumber pan, String expiryMonth,
                String expiryYear, SecurityCode securityCode, String cardholderName, boolean capture,
                CreditPaymentMethod paymentMethod, Integer installments, String itemCode, String apiVersion,
                String requestDetails, CardEntry entry) {
            this(orderId, amountYen, clientFields, pan, expiryMonth, expiryYear, securityCode, cardholderName, capture,
                    paymentMethod, installments, itemCode, apiVersion, requestDetails, entry, TokenSpend.NONE);
        }

        @Override
        public String toString() {
            return "Command[orderId=" + orderId + ", amountYen=" + amountYen + ", pan=" + pan + ", capture=" + capture
                    + ", spend=" + spend + "]";
        }
    }
}
