package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.jcbpreca.JcbPrecaCancel;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.secret.AccessPass;
import org.springframework.stereotype.Component;

/** Seed 000 §2.2.2.1 決済キャンセル: {@code /payment/JcbPrecaCancel.idPass}. */
@Component
class JcbPrecaCancelEndpoint implements IdPassOperation {

    private static final ParamTable PARAMS = new ParamTable(ACCESS_ID_E, ACCESS_PASS_E, ORDER_ID_E);

    private final ShopCredentials credentials;
    private final JcbPrecaCancel cancel;

    JcbPrecaCancelEndpoint(ShopCredentials credentials, JcbPrecaCancel cancel) {
        this.credentials = credentials;
        this.cancel = cancel;
    }

    @Override
    public String name() {
        return "JcbPrecaCancel";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.COMMON, new ParamTable(VERSION, VERSION_CANCEL), PARAMS);
        if (!checked.errors().isEmpty()) {
            return IdPassResponse.errors(checked.errors());
        }
        Optional<Shop> shop = checked.shop();
        var result = cancel.cancel(shop.orElseThrow(),
                new OrderRef(request.get("AccessID"), new AccessPass(request.get("AccessPass")),
                        request.get("OrderID")));
        var response = IdPassResponse.ok();
        if (result.code() == ResultCode.OK) {
            return response.put("OrderID", result.order().orderId()).put("Status", IdPassStatusNames.of(result.order().status()));
        }
        IdPassError error = IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.COMMON);
        boolean attempted = result.order() != null && result.code() != ResultCode.OPERATION_IN_PROGRESS
                && result.code() != ResultCode.NOT_PAID && result.code() != ResultCode.ALREADY_CANCELLED;
        if (!attempted) {
            return IdPassResponse.errors(List.of(error));
        }
        // the cancel reached the center and failed: the seed returns the state before processing
        return response.put("OrderID", result.order().orderId()).put("Status", IdPassStatusNames.of(result.order().status()))
                .withErrors(List.of(error));
    }
}
