package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.netcash.NetCashExec;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.secret.AccessPass;
import org.springframework.stereotype.Component;

/** Seed 001 §2.1.2.2 決済実行: {@code /payment/ExecTranNetcash.idPass}. */
@Component
class ExecTranNetcashEndpoint implements IdPassOperation {

    /** The only NetCashPayType since v1.01 (NNCGIFT was removed). */
    static final String NETCASH = "NETCASH";

    private static final ParamTable PARAMS = new ParamTable(ACCESS_ID_M, ACCESS_PASS_M, ORDER_ID_M, RET_URL,
            CLIENT_FIELD1, CLIENT_FIELD2, CLIENT_FIELD3, NET_CASH_PAY_TYPE);

    private final ShopCredentials credentials;
    private final NetCashExec exec;
    ExecTranNetcashEndpoint(ShopCredentials credentials, NetCashExec exec) {
        this.credentials = credentials;
        this.exec = exec;
    }

    @Override
    public String name() {
        return "ExecTranNetcash";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.MULTI_PAYMENT, new ParamTable(VERSION), PARAMS);
        List<IdPassError> errors = new ArrayList<>(checked.errors());
        Optional<Shop> shop = checked.shop();
        String payType = request.get(NET_CASH_PAY_TYPE.name());
        if (payType != null && NET_CASH_PAY_TYPE.check(payType).isEmpty() && !NETCASH.equals(payType)) {
            errors.add(new IdPassError(NET_CASH_PAY_TYPE.badCharsCode()));
        }
        if (!errors.isEmpty()) {
            return IdPassResponse.errors(errors);
        }
        var command = new NetCashExec.Command(
                new OrderRef(request.get("AccessID"), new AccessPass(request.get("AccessPass")),
                        request.get("OrderID")),
                request.get("RetURL"),
                new ClientFields(request.get("ClientField1"), request.get("ClientField2"), request.get("ClientField3")),
                payType);
        var result = exec.request(shop.orElseThrow(), command);
        if (result.code() != ResultCode.OK) {
            return IdPassResponse.errors(List.of(switch (result.code()) {
                // the JP1 rows of the table name the JCB Preca center; NET CASH center failures are comms errors
                case PROCESSOR_OUTCOME_UNKNOWN -> new IdPassError("E91020001");
                case PROCESSOR_UNAVAILABLE -> new IdPassError("E91029999");
                default -> IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.MULTI_PAYMENT);
            }));
        }
        return IdPassResponse.ok()
                .put("AccessID", result.order().accessId())
                .put("Token", result.token())
                .put("StartURL", request.baseUrl() + "/payment/NetCashStart.idPass");
    }
}
