package jp.kessai.face.idpass;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import org.springframework.stereotype.Component;

/**
 * Checks ShopID/ShopPass the way the seed's examples show: the format errors of both, then the pair check, which is
 * reported even when a value is missing ({@code M01002001|M01002002|…}).
 */
@Component
class ShopCredentials {

    private final ShopDirectory shops;

    ShopCredentials(ShopDirectory shops) {
        this.shops = shops;
    }

    Optional<Shop> check(IdPassRequest request, Param shopId, Param shopPass, String pairCode, List<IdPassError> errors) {
        errors.addAll(shopId.check(request.get(shopId.name())));
        errors.addAll(shopPass.check(request.get(shopPass.name())));
        Optional<Shop> shop = shops.authenticate(request.get(shopId.name()), request.get(shopPass.name()));
        if (shop.isEmpty()) {
            errors.add(new IdPassError(pairCode));
        }
        return shop;
    }
}
