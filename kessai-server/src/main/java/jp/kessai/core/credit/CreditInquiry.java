package jp.kessai.core.credit;

import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.internal.CreditOrders;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Service;

/** 取引照会 (/order/inquiry) of a credit order, by AccessID and/or OrderID. No processor call. */
@Service
public class CreditInquiry {

    private final CreditOrderLookup lookup;
    private final CreditOrders credit;

    CreditInquiry(CreditOrderLookup lookup, CreditOrders credit) {
        this.lookup = lookup;
        this.credit = credit;
    }

    public CreditOutcome inquire(Shop shop, String accessId, String orderId) {
        var found = lookup.find(shop, accessId, orderId);
        if (found.code() != ResultCode.OK) {
            return CreditOutcome.of(found.code(), null);
        }
        return CreditOutcome.of(ResultCode.OK, credit.load(found.order()));
    }
}
