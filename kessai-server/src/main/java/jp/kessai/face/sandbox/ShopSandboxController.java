package jp.kessai.face.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopDirectory.Creation;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import jp.kessai.core.token.TokenKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox shop creation (only with {@code kessai.sandbox.enabled=true}): a TEST-mode shop with the demo shop's
 * contracts unless the body's {@code settings} say otherwise, so that a developer or the benchmark can have many
 * merchants. The password is stored as every shop's is ({@link ShopDirectory}) and never returned.
 */
@RestController
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class ShopSandboxController {

    private final ShopDirectory shops;
    private final TokenKeys tokenKeys;

    ShopSandboxController(ShopDirectory shops, TokenKeys tokenKeys) {
        this.shops = shops;
        this.tokenKeys = tokenKeys;
    }

    record ShopBody(String shopId, String shopPass, String robotAid, Map<String, Object> settings) {}

    @PostMapping(path = "/sandbox/shops", consumes = SandboxController.JSON)
    ResponseEntity<Map<String, Object>> create(@RequestBody ShopBody body) {
        require(body.shopId() != null && Shop.SHOP_ID_FORMAT.matcher(body.shopId()).matches(),
                "shopId: 1-13 half-width alphanumerics");
        require(body.shopPass() != null && Shop.SHOP_PASS_FORMAT.matcher(body.shopPass()).matches(),
                "shopPass: 1-8 half-width alphanumerics");
        require(body.robotAid() == null || Shop.ROBOT_AID_FORMAT.matcher(body.robotAid()).matches(),
                "robotAid: 6 digits");
        ShopSettings demoContracts = ShopSettings.defaults().withEverythingContracted();
        ShopSettings settings = body.settings() == null ? demoContracts : SettingsBody.apply(demoContracts, body.settings());
        return switch (shops.create(body.shopId(), body.shopPass(), body.robotAid(), ShopMode.TEST, settings)) {
            case Creation.Created(Shop shop) -> ResponseEntity.status(HttpStatus.CREATED).body(view(shop, tokenKeys.ensure(shop)));
            case Creation.ShopIdTaken() -> conflict("shopId exists");
            case Creation.RobotAidTaken() -> conflict("robotAid is taken by another shop");
        };
    }

    @ExceptionHandler(SandboxController.BadRequest.class)
    ResponseEntity<Map<String, Object>> badRequest(SandboxController.BadRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "a JSON object with shopId, shopPass and optional robotAid and settings"));
    }

    private static ResponseEntity<Map<String, Object>> conflict(String message) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", message));
    }

    /** The shop, with the tokenizer keys of its merchant pages (public values: {@code Multipayment.init(apiKey, publicKey)}). */
    private static Map<String, Object> view(Shop shop, TokenKeys.ShopKeys keys) {
        var view = new LinkedHashMap<String, Object>();
        view.put("shopId", shop.shopId());
        view.put("robotAid", shop.robotAid());
        view.put("mode", shop.mode().name());
        view.put("settings", shop.settings());
        var mpToken = new java.util.LinkedHashMap<String, String>(); // ordered: the answer is stable (docs, RunnableDocsIT)
        mpToken.put("apiKey", keys.apiKey());
        mpToken.put("publicKey", keys.publicKey());
        view.put("mpToken", mpToken);
        return view;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new SandboxController.BadRequest(message);
        }
    }
}
