package jp.kessai.core.netcash;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.time.Clock;
import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.JournaledCall;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.processor.netcash.NetCashCenter;
import org.springframework.stereotype.Service;

/**
 * 決済実行 (ExecTranNetcash): the payment request to the NET CASH center (journaled), then the Token the customer's
 * browser carries to NetCashStart. The Token is a keyed hash of the AccessID ("アクセスIDのハッシュ値").
 */
@Service
public class NetCashExec {

    /** Where the center sends the customer's browser after paying or cancelling. */
    public static final String RETURN_PATH_PREFIX = "/payment/netcash/result/";

    private final OrderLookup lookup;
    private final Orders orders;
    private final JournaledCall journaledCall;
    private final NetCashOrders netCashOrders;
    private final NetCashCenter center;
    private final FieldCipher cipher;
    private final Clock clock;
    private final KessaiProperties properties;

    NetCashExec(OrderLookup lookup, Orders orders, JournaledCall journaledCall, NetCashOrders netCashOrders, NetCashCenter center, FieldCipher cipher,
            Clock clock, KessaiProperties properties) {
        this.lookup = lookup;
        this.orders = orders;
        this.journaledCall = journaledCall;
        this.netCashOrders = netCashOrders;
        this.center = center;
        this.cipher = cipher;
        this.clock = clock;
        this.properties = properties;
    }

    public record Command(OrderRef order, String retUrl, ClientFields clientFields, String netCashPayType) {}

    public record Result(ResultCode code, Order order, String token) {}

    public Result request(Shop shop, Command command) {
        OrderLookup.Found found = lookup.find(shop, command.order(), PaymentMethod.NET_CASH);
        if (found.code() != ResultCode.OK) {
            return new Result(found.code(), found.order(), null);
        }
        Order order = found.order();
        if (!NetCashStateTable.TABLE.allows(order.status(), Operation.EXEC)) {
            boolean waiting = order.status() == OrderStatus.REQSUCCESS || order.status() == OrderStatus.PAYSTART;
            return new Result(waiting ? ResultCode.ALREADY_REQUESTED : ResultCode.ALREADY_PAID, order, null);
        }
        var onSuccess = new OrderChange(NetCashStateTable.TABLE.next(order.status(), Operation.EXEC, SUCCESS).orElseThrow(),
                null, null, null, null, command.clientFields(), null);
        String paymentRef = order.accessId();
        var attempt = orders.begin(order, OrderStatus.UNPROCESSED, Operation.EXEC, paymentRef, onSuccess).orElse(null);
        if (attempt == null) {
            return new Result(ResultCode.OPERATION_IN_PROGRESS, order, null);
        }
        // only the call that won the claim writes the details (a concurrent loser must not overwrite them)
        Duration term = Duration.ofMinutes(shop.settings().netCashPaymentTermMinutes());
        netCashOrders.save(order.id(), command.retUrl(), command.netCashPayType(), clock.instant().plus(term));
        var stays = NetCashStateTable.TABLE.next(order.status(), Operation.EXEC, FAILURE).orElseThrow();
        var outcome = journaledCall.call(attempt, properties.centers().timeout(), stays,
                () -> center.registerPayment(paymentRef, order.totalYen(), RETURN_PATH_PREFIX + order.accessId()));
        if (!outcome.answered()) {
            return new Result(outcome.failure(), order, null);
        }
        Order requested = orders.finish(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name(), onSuccess);
        return new Result(ResultCode.OK, requested, token(order.accessId()));
    }

    /** The Token for an AccessID: a keyed hash (HMAC-SHA-256, hex), so it cannot be made without Kessai's keys. */
    String token(String accessId) {
        return cipher.fingerprint("netcash-token:" + accessId);
    }
}
