package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.card.CardAcquirer;
import org.springframework.stereotype.Service;

/** 取消 (/order/cancel): AUTH, SALES or CAPTURE → CANCEL (full cancel; the acquirer voids the authorisation). */
@Service
public class CreditCancel {

    private final CreditOrderLookup lookup;
    private final CreditOrders credit;
    private final CreditProcessing processing;
    private final CardAcquirer acquirer;

    CreditCancel(CreditOrderLookup lookup, CreditOrders credit, CreditProcessing processing, CardAcquirer acquirer) {
        this.lookup = lookup;
        this.credit = credit;
        this.processing = processing;
        this.acquirer = acquirer;
    }

    public CreditOutcome cancel(Shop shop, String accessId) {
        var found = lookup.find(shop, accessId, null);
        if (found.code() != ResultCode.OK) {
            return CreditOutcome.of(found.code(), null);
        }
        Order order = found.order();
        if (order.pendingOperation() != null) {
            return CreditOutcome.of(ResultCode.OPERATION_IN_PROGRESS, credit.load(order));
        }
        if (!CreditStateTable.TABLE.allows(order.status(), Operation.CANCEL)) {
            return CreditOutcome.of(ResultCode.INVALID_STATUS, credit.load(order));
        }
        var change = new OrderChange(null, "CANCEL", null, null, null, null, null, null);
        return processing.run(order, Operation.CANCEL, change,
                reference -> acquirer.voidAuthorization(reference, order.processorRef()));
    }
}
