package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.order.Channel;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.NetCashEntry;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/** Seed 001 §2.1.2.1 取引登録: {@code /payment/EntryTranNetcash.idPass}. */
@Component
class EntryTranNetcashEndpoint implements IdPassOperation {

    /** 上限は200,000円です (seed 001 §2.1.2.1). */
    static final long MAX_AMOUNT_YEN = 200_000;

    private static final ParamTable PARAMS = new ParamTable(ORDER_ID_M, AMOUNT_NET_CASH, TAX_NET_CASH);

    private final ShopCredentials credentials;
    private final NetCashEntry entry;

    EntryTranNetcashEndpoint(ShopCredentials credentials, NetCashEntry entry) {
        this.credentials = credentials;
        this.entry = entry;
    }

    @Override
    public String name() {
        return "EntryTranNetcash";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.MULTI_PAYMENT, new ParamTable(VERSION), PARAMS);
        List<IdPassError> errors = new ArrayList<>(checked.errors());
        Optional<Shop> shop = checked.shop();
        String amount = request.get(AMOUNT_NET_CASH.name());
        if (amount != null && AMOUNT_NET_CASH.check(amount).isEmpty() && Long.parseLong(amount) > MAX_AMOUNT_YEN) {
            errors.add(new IdPassError("M01005011"));
        }
        if (!errors.isEmpty()) {
            return IdPassResponse.errors(errors);
        }
        String tax = request.get(TAX_NET_CASH.name());
        var result = entry.register(shop.orElseThrow(), Channel.IDPASS, request.get("OrderID"), Long.parseLong(amount),
                tax == null ? 0 : Long.parseLong(tax));
        if (result.code() != ResultCode.OK) {
            return IdPassResponse.errors(List.of(IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.MULTI_PAYMENT)));
        }
        return IdPassResponse.ok()
                .put("OrderID", result.order().orderId())
                .put("AccessID", result.order().accessId())
                .put("AccessPass", result.order().accessPass().expose());
    }
}
