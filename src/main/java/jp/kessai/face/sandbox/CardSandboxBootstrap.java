package jp.kessai.face.sandbox;

import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.KessaiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: the demo shop may take card data directly (PCI DSS flag) and is contracted for every credit payment
 * method (one-time, installments, bonus, revolving), so the OpenAPI type works out of the box.
 */
@Component
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class CardSandboxBootstrap {

    private static final Logger log = LoggerFactory.getLogger(CardSandboxBootstrap.class);

    private final ShopDirectory shops;
    private final KessaiProperties properties;
    private final Environment environment;

    CardSandboxBootstrap(ShopDirectory shops, KessaiProperties properties, Environment environment) {
        this.shops = shops;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void contractCredit() {
        var demo = properties.demo();
        var shop = shops.findByShopId(demo.shopId())
                .orElseGet(() -> shops.upsert(demo.shopId(), demo.shopPass(), demo.robotAid(), ShopMode.TEST));
        shops.updateSettings(shop.shopId(), shop.settings().withEverythingContracted());
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("OpenAPI type: POST {}/token (Basic {}:…), {}/credit/charge, {}/order/*; test cards: docs/test-cards.md, "
                + "acquirer sandbox: {}/sandbox/card/faults", base, demo.shopId(), base, base, base);
    }
}
