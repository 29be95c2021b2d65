package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.order.Channel;
import jp.kessai.core.ResultCode;
import jp.kessai.core.jcbpreca.JcbPrecaEntry;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;

/** Seed 000 §2.1.2.1 取引登録: {@code /payment/EntryTranJcbPreca.idPass}. */
@Component
class EntryTranJcbPrecaEndpoint implements IdPassOperation {


    private static final ParamTable RESERVED = new ParamTable(VERSION);
    private static final ParamTable PARAMS = new ParamTable(ORDER_ID_M, AMOUNT, TAX);

    private final ShopCredentials credentials;
    private final JcbPrecaEntry entry;

    EntryTranJcbPrecaEndpoint(ShopCredentials credentials, JcbPrecaEntry entry) {
        this.credentials = credentials;
        this.entry = entry;
    }

    @Override
    public String name() {
        return "EntryTranJcbPreca";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.MULTI_PAYMENT, RESERVED, PARAMS);
        if (!checked.errors().isEmpty()) {
            return IdPassResponse.errors(checked.errors());
        }
        Optional<Shop> shop = checked.shop();
        String tax = request.get(TAX.name());
        var result = entry.register(shop.orElseThrow(), Channel.IDPASS, request.get(ORDER_ID_M.name()),
                Long.parseLong(request.get(AMOUNT.name())), tax == null ? 0 : Long.parseLong(tax));
        if (result.code() != ResultCode.OK) {
            return IdPassResponse.errors(List.of(IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.MULTI_PAYMENT)));
        }
        return IdPassResponse.ok()
                .put("AccessID", result.order().accessId())
                .put("AccessPass", result.order().accessPass().expose());
    }
}
