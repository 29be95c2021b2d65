package jp.kessai.face.sandbox;

import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.processor.jcbpreca.simulator.PrecaCenterSimulator;
import jp.kessai.processor.jcbpreca.simulator.PrecaTestCards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode start-up: creates or updates the demo shop, seeds the test prepaid cards, and prints how to reach
 * the demo shop. The demo shop's password is printed on purpose — it is a sandbox credential set by configuration;
 * no other shop secret is ever logged.
 */
@Component
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class SandboxBootstrap {

    private static final Logger log = LoggerFactory.getLogger(SandboxBootstrap.class);

    private final ShopDirectory shops;
    private final PrecaCenterSimulator center;
    private final KessaiProperties properties;
    private final Environment environment;

    SandboxBootstrap(ShopDirectory shops, PrecaCenterSimulator center, KessaiProperties properties, Environment environment) {
        this.shops = shops;
        this.center = center;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        var demo = properties.demo();
        if (!demo.robotAid().matches("[0-9]{6}")) {
            throw new IllegalStateException("kessai.demo.robot-aid must be 6 digits");
        }
        shops.upsert(demo.shopId(), demo.shopPass(), demo.robotAid(), ShopMode.TEST);
        PrecaTestCards.all().forEach(center::saveCardIfAbsent);
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                ==== Kessai sandbox ready ====
                Demo shop      ShopID={}  ShopPass={}  ROBOT PAYMENT aid={}
                idpass         {}/payment/<Name>.idPass   (e.g. {}/payment/EntryTranJcbPreca.idPass)
                sandbox API    {}/sandbox/jcb-preca/cards
                health         {}/actuator/health   metrics {}/actuator/prometheus
                Test prepaid cards: docs/test-cards.md (approval number {})
                """, demo.shopId(), demo.shopPass(), demo.robotAid(), base, base, base, base, base,
                PrecaTestCards.APPROVAL_NO);
    }
}
