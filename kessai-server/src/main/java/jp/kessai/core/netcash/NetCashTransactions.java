package jp.kessai.core.netcash;

import jp.kessai.core.netcash.internal.NetCashOrders;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.transaction.Transaction;
import jp.kessai.core.transaction.TransactionDetails;
import org.springframework.stereotype.Component;

/** A NET CASH order with its RetURL, pay type, deadline and failure. */
@Component
class NetCashTransactions implements TransactionDetails {

    private final NetCashOrders netCashOrders;

    NetCashTransactions(NetCashOrders netCashOrders) {
        this.netCashOrders = netCashOrders;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.NET_CASH;
    }

    @Override
    public Transaction of(Order order) {
        return new Transaction.NetCash(order, netCashOrders.find(order.id()).orElse(null));
    }
}
