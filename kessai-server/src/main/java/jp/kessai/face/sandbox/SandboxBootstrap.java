package jp.kessai.face.sandbox;

import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.token.TokenKeys;
import jp.kessai.processor.netcash.simulator.NetCashCenterSimulator;
import jp.kessai.processor.netcash.simulator.NetCashTestCards;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.startup.KessaiVersion;
import jp.kessai.platform.startup.ListeningAddress;
import jp.kessai.platform.secret.Password;
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
    private final NetCashCenterSimulator netCash;
    private final KessaiProperties properties;
    private final Environment environment;
    private final KessaiVersion version;
    private final TokenKeys tokenKeys;

    SandboxBootstrap(ShopDirectory shops, PrecaCenterSimulator center, NetCashCenterSimulator netCash,
            KessaiProperties properties, Environment environment, KessaiVersion version, TokenKeys tokenKeys) {
        this.tokenKeys = tokenKeys;
        this.shops = shops;
        this.center = center;
        this.netCash = netCash;
        this.properties = properties;
        this.environment = environment;
        this.version = version;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        var demo = properties.demo();
        if (!Shop.ROBOT_AID_FORMAT.matcher(demo.robotAid()).matches()) {
            throw new IllegalStateException("kessai.demo.robot-aid must be 6 digits");
        }
        var shop = shops.upsert(demo.shopId(), new Password(demo.shopPass()), demo.robotAid(), ShopMode.TEST);
        var s = shop.settings();
        String notificationUrl = demo.resultNotificationUrl().isBlank() ? s.resultNotificationUrl() : demo.resultNotificationUrl();
        // the demo shop may notify a merchant app on this machine (loopback/private targets are otherwise refused),
        // is PCI DSS flagged and has every credit contract (installments, bonus, revolving)
        shops.updateSettings(shop.id(), s.withNotifications(s.netCashPaymentTermMinutes(), notificationUrl,
                s.notificationRetryIntervalMinutes(), s.notificationStopFrom(), s.notificationStopUntil(), true)
                .withEverythingContracted());
        PrecaTestCards.all().forEach(center::saveCardIfAbsent);
        NetCashTestCards.all().forEach(netCash::saveCardIfAbsent);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String address = ListeningAddress.of(environment);
        String listening = address == null ? "every address, port " + port
                : ListeningAddress.SANDBOX_DEFAULT.equals(address) && !ListeningAddress.isExplicit(environment)
                        ? address + ":" + port + " (loopback only: set server.address to accept other machines)"
                        : address + ":" + port + " (server.address)";
        String host = address == null || address.equals("0.0.0.0") || address.equals("::")
                || address.startsWith("127.") ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        String base = "http://" + host + ":" + port;
        // the tokenizer's keys are public by design (the merchant's page carries them): printed like the URLs
        TokenKeys.ShopKeys keys = tokenKeys.ensure(shop);
        log.info("""

                ==== Kessai {} sandbox ready ====
                Listening      {}
                Demo shop      ShopID={}  ShopPass={}  ROBOT PAYMENT aid={}
                idpass         {}/payment/<Name>.idPass   (e.g. {}/payment/EntryTranJcbPreca.idPass)
                openapi        {}/token, {}/credit/charge, {}/order/*, {}/member/*   (Basic auth ShopID:ShopPass or Bearer)
                sandbox API    POST {}/sandbox/shops, POST {}/sandbox/jcb-preca/cards, POST {}/sandbox/netcash/cards, POST {}/sandbox/card/faults
                mp-token.js    {}/payment/js/mp-token.js   tokens {}/payment/CreateToken.json
                MP token keys  apiKey={}
                               publicKey={}
                health         {}/actuator/health   metrics {}/actuator/prometheus   version {}/actuator/info
                Test cards: docs/test-cards.md (prepaid approval number {})
                """, version.value(), listening, demo.shopId(), demo.shopPass(), demo.robotAid(),
                base, base, base, base, base, base, base, base, base, base, // idpass, openapi, sandbox API
                base, base, keys.apiKey(), keys.publicKey(), // mp-token.js, MP token keys
                base, base, base, PrecaTestCards.APPROVAL_NO);
    }
}
