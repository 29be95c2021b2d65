package jp.kessai.core.credit;

import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.card.CardBrand;
import org.springframework.stereotype.Service;

/**
 * 都度支払い with card data (/credit/charge, no 3-D Secure): validate (face) → check the contract → load or register
 * the order → journal the authorisation → call the acquirer → record → respond. An order whose earlier charge failed
 * (still UNPROCESSED) is charged again; any other existing order makes the OrderID unusable.
 */
@Service
public class CreditCharge {

    private final Orders orders;
    private final CreditOrders credit;
    private final CreditProcessing processing;
    private final CardAcquirer acquirer;
    private final Clock clock;

    CreditCharge(Orders orders, CreditOrders credit, CreditProcessing processing, CardAcquirer acquirer, Clock clock) {
        this.orders = orders;
        this.credit = credit;
        this.processing = processing;
        this.acquirer = acquirer;
        this.clock = clock;
    }

    public CreditOutcome charge(Shop shop, Command command) {
        if (!contracted(shop.settings(), command)) {
            return CreditOutcome.of(ResultCode.METHOD_NOT_CONTRACTED, null);
        }
        CardNumber pan = command.pan();
        // a new OrderID (the usual case) needs no read before it is inserted
        Order order = orders.register(shop.id(), command.orderId(), PaymentMethod.CREDIT,
                        CreditStateTable.TABLE.next(null, Operation.ENTRY, null).orElseThrow(), command.amountYen(), 0)
                .or(() -> orders.findByShopAndOrderId(shop.id(), command.orderId(), PaymentMethod.CREDIT))
                .orElseThrow();
        if (order.pendingOperation() != null) {
            return CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(order));
        }
        if (order.status() != OrderStatus.UNPROCESSED) {
            return CreditOutcome.of(ResultCode.ORDER_ID_ALREADY_USED, credit.load(order));
        }
        Operation operation = command.capture() ? Operation.AUTH_AND_CAPTURE : Operation.AUTHORIZE;
        var change = new OrderChange(null, command.capture() ? "CAPTURE" : "AUTH", null, pan.masked(), null,
                command.clientFields(), command.capture() ? clock.instant() : null, command.amountYen());
        var authorization = new CardAcquirer.Authorization(pan, command.expiryMonth(), command.expiryYear(),
                command.securityCode(), command.amountYen(), command.capture(), command.paymentMethod().name(),
                command.installments(), command.itemCode());
        // the card details are written with the claim: a concurrent charge of the same OrderID that loses the claim
        // cannot overwrite the winner's details, and they cost no commit of their own
        Runnable saveDetails = () -> credit.saveCharge(order.id(), CardBrand.of(pan).name(), command.expiryMonth(),
                command.expiryYear(), command.cardholderName(), command.paymentMethod(), command.installments(),
                command.itemCode(), command.apiVersion(), command.requestDetails());
        return processing.run(order, operation, change, saveDetails, reference -> acquirer.authorize(reference, authorization));
    }

    private static boolean contracted(ShopSettings settings, Command command) {
        if (!settings.creditContracted() || !settings.pciDssCompliant()) {
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
     */
    public record Command(String orderId, long amountYen, ClientFields clientFields, CardNumber pan, String expiryMonth,
            String expiryYear, SecurityCode securityCode, String cardholderName, boolean capture,
            CreditPaymentMethod paymentMethod, Integer installments, String itemCode, String apiVersion,
            String requestDetails) {

        @Override
        public String toString() {
            return "Command[orderId=" + orderId + ", amountYen=" + amountYen + ", pan=" + pan + ", capture=" + capture + "]";
        }
    }
}
