package jp.kessai.core.netcash;

import java.time.Clock;
import java.time.Duration;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.internal.NetCashOrders;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OperationStep;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.processor.netcash.NetCashCenter;
import org.springframework.stereotype.Service;

/**
 * 決済実行 (ExecTranNetcash): the payment request to the NET CASH center (one step of the pipeline), then the Token
 * the customer's browser carries to NetCashStart. The Token is a keyed hash of the AccessID ("アクセスIDのハッシュ値").
 */
@Service
public class NetCashExec {

    /** Where the center sends the customer's browser after paying or cancelling. */
    public static final String RETURN_PATH_PREFIX = "/payment/netcash/result/";

    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final NetCashOrders netCashOrders;
    private final NetCashCenter center;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Duration deadline;

    NetCashExec(OrderLookup lookup, OperationRunner runner, NetCashOrders netCashOrders, NetCashCenter center,
            FieldCipher cipher, Clock clock, KessaiProperties properties) {
        this.lookup = lookup;
        this.runner = runner;
        this.netCashOrders = netCashOrders;
        this.center = center;
        this.cipher = cipher;
        this.clock = clock;
        this.deadline = properties.centers().timeout();
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
        Duration term = Duration.ofMinutes(shop.settings().netCashPaymentTermMinutes());
        var run = runner.run(new OperationRunner.Existing(order), new PaymentRequest(order, command, term));
        return new Result(run.code(), run.order(), run.ok() ? token(order.accessId()) : null);
    }

    /** The payment request, keyed at the center by the AccessID (asking twice never opens two payments). */
    private final class PaymentRequest implements OperationStep<String, Void> {

        private final Order order;
        private final Command command;
        private final Duration term;

        PaymentRequest(Order order, Command command, Duration term) {
            this.order = order;
            this.command = command;
            this.term = term;
        }

        @Override
        public Operation operation() {
            return Operation.EXEC;
        }

        @Override
        public StateTable<OrderStatus> table() {
            return NetCashStateTable.TABLE;
        }

        @Override
        public String processorRef() {
            return order.accessId();
        }

        @Override
        public Duration deadline() {
            return deadline;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, null, null, null, null, command.clientFields(), null);
        }

        /** Only the request that wins the claim writes the details (a concurrent loser must not overwrite them). */
        @Override
        public void atClaim(long orderPk) {
            netCashOrders.save(orderPk, command.retUrl(), command.netCashPayType(), clock.instant().plus(term));
        }

        @Override
        public String call() {
            return center.registerPayment(order.accessId(), order.totalYen(), RETURN_PATH_PREFIX + order.accessId());
        }

        @Override
        public Verdict classify(String sessionId) {
            return Verdict.success();
        }
    }

    /** The Token for an AccessID: a keyed hash (HMAC-SHA-256, hex), so it cannot be made without Kessai's keys. */
    String token(String accessId) {
        return cipher.fingerprint("netcash-token:" + accessId);
    }
}
