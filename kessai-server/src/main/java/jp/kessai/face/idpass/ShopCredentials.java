package jp.kessai.face.idpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.platform.secret.Password;
import org.springframework.stereotype.Component;

/**
 * The start of every shop-authenticated endpoint, in the order the seed's error examples show: the reserved
 * parameters, the format errors of ShopID and ShopPass, then the pair check — reported even when a value is missing
 * ({@code M01002001|M01002002|…}) — then the endpoint's own parameters.
 */
@Component
class ShopCredentials {

    private final ShopDirectory shops;

    ShopCredentials(ShopDirectory shops) {
        this.shops = shops;
    }

    /** The shop (when the pair is right) and every error found so far; the endpoint may add more. */
    record Checked(Optional<Shop> shop, List<IdPassError> errors) {}

    Checked check(IdPassRequest request, IdPassResultCodes.Family family, ParamTable reserved, ParamTable params) {
        Param shopId = family == IdPassResultCodes.Family.MULTI_PAYMENT ? IdPassParams.SHOP_ID_M : IdPassParams.SHOP_ID_E;
        Param shopPass = family == IdPassResultCodes.Family.MULTI_PAYMENT ? IdPassParams.SHOP_PASS_M : IdPassParams.SHOP_PASS_E;
        List<IdPassError> errors = new ArrayList<>(reserved.check(request));
        List<IdPassError> shopIdErrors = shopId.check(request.get(shopId.name()));
        List<IdPassError> shopPassErrors = shopPass.check(request.get(shopPass.name()));
        errors.addAll(shopIdErrors);
        errors.addAll(shopPassErrors);
        // a value that failed its own check names no shop and never reaches the database (U+0000 would fail there);
        // the pair check still runs, in constant time, and is reported as the seed's examples show
        String pass = request.get(shopPass.name());
        Optional<Shop> shop = shops.authenticate(shopIdErrors.isEmpty() ? request.get(shopId.name()) : null,
                shopPassErrors.isEmpty() && pass != null ? new Password(pass) : null);
        if (shop.isEmpty()) {
            errors.add(IdPassResultCodes.of(jp.kessai.core.ResultCode.SHOP_AUTH_FAILED, family));
        }
        errors.addAll(params.check(request));
        return new Checked(shop, errors);
    }
}
