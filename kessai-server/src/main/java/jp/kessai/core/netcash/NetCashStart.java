package jp.kessai.core.netcash;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.netcash.internal.NetCashOrders;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.processor.netcash.NetCashCenter;
import org.springframework.stereotype.Service;

/**
 * 支払手続き開始 (NetCashStart): the customer's browser arrives with AccessID and Token; Kessai sends it on to the
 * center's payment page, or shows an error screen (unknown transaction, already paid, past the deadline).
 */
@Service
public class NetCashStart {

    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final NetCashOrders netCashOrders;
    private final NetCashExec exec;
    private final NetCashCenter center;
    private final NetCashExpiry expiry;
    private final Clock clock;

    NetCashStart(OrderLookup lookup, OperationRunner runner, NetCashOrders netCashOrders, NetCashExec exec,
            NetCashCenter center, NetCashExpiry expiry, Clock clock) {
        this.lookup = lookup;
        this.runner = runner;
        this.netCashOrders = netCashOrders;
        this.exec = exec;
        this.center = center;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** {@code redirectPath} is the center's payment page when {@code code} is OK. */
    public record Result(ResultCode code, String redirectPath) {}

    /**
     * Expires the order now if the customer's deadline has passed and it is still waiting (the periodic sweep may not
     * have run yet); true if it is (now) expired for that reason.
     */
    public boolean expireIfDue(Order order) {
        var details = netCashOrders.find(order.id()).orElse(null);
        if (details != null && clock.instant().isAfter(details.payDeadline())
                && NetCashStateTable.TABLE.allows(order.status(), Operation.EXPIRE)) {
            expiry.expire(order);
            return true; // expired now, or by the sweep a moment ago
        }
        return false;
    }

    public Result start(String accessId, String token) {
        Order order = lookup.forCustomer(accessId, PaymentMethod.NET_CASH).orElse(null);
        if (order == null) {
            return new Result(ResultCode.ORDER_NOT_FOUND, null);
        }
        if (!MessageDigest.isEqual(exec.token(accessId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return new Result(ResultCode.TOKEN_MISMATCH, null);
        }
        if (expireIfDue(order)) {
            return new Result(ResultCode.PAYMENT_EXPIRED, null);
        }
        if (!NetCashStateTable.TABLE.allows(order.status(), Operation.START)) {
            return new Result(switch (order.status()) {
                case EXPIRED -> ResultCode.PAYMENT_EXPIRED;
                case UNPROCESSED -> ResultCode.NOT_PAID;
                case PAYFAIL -> ResultCode.PAYMENT_FAILED;
                default -> ResultCode.ALREADY_PAID;
            }, null);
        }
        boolean moved = runner.apply(order, NetCashStateTable.TABLE, Operation.START, after -> { }).isPresent();
        if (!moved) {
            return new Result(ResultCode.OPERATION_IN_PROGRESS, null);
        }
        var payment = center.findPayment(order.accessId()).orElse(null);
        if (payment == null) {
            return new Result(ResultCode.ORDER_NOT_FOUND, null);
        }
        return new Result(ResultCode.OK, center.paymentPagePath(payment.sessionId()));
    }
}
