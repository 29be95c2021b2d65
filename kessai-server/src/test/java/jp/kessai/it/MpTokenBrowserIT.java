package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.token.TokenKeys;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser tier: a merchant page loads GMO-PG's npm loader (@mul-pay/mptoken-js 1.0.3, unchanged, under
 * src/test/resources/mptoken), which injects {@code https://stg.static.mul-pay.jp/payment/js/mp-token.js}. Chromium
 * maps that host to Kessai (TLS on, the test certificate accepted), so the page runs Kessai's mp-token.js, gets tokens
 * through {@code getToken} and through the iframe elements, and the merchant charges them on /credit/charge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kessai.data-dir=target/it-data/${random.uuid}",
        "kessai.reconciler.interval=1h",
        "kessai.notifications.poll-interval=1h",
        "kessai.notifications.expiry-interval=1h",
        "server.ssl.enabled=true",
        "server.ssl.key-store=classpath:tls/test-keystore.p12",
        "server.ssl.key-store-type=PKCS12",
        "server.ssl.key-store-password=changeit",
        "server.ssl.key-alias=kessai"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpTokenBrowserIT {

    static final String STATIC_HOST = "stg.static.mul-pay.jp";
    /** sha256 of the vendored loader: the page must run GMO-PG's published file, byte for byte. */
    static final String LOADER_SHA256 = "8266a7870bd40880af488f6b09da3868709dbdd19703a9e6424931a55ae07bba";
    static final String SHOP_ID = "tshop00000001";
    static final String SHOP_PASS = "kessai01";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TokenKeys tokenKeys;

    @Autowired
    ShopDirectory shops;

    private MerchantServer merchant;
    private ChromeDriver browser;
    private HttpClient https;
    private String pageCard;

    @BeforeAll
    void start() throws Exception {
        byte[] loader = resource("mptoken/mptoken-js-1.0.3/index.js");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(loader))).isEqualTo(LOADER_SHA256);
        merchant = new MerchantServer();
        merchant.on("/loader/index.js", r -> new MerchantServer.Answer(200, "text/javascript; charset=UTF-8", loader));
        browser = Browser.start("--host-resolver-rules=MAP " + STATIC_HOST + " 127.0.0.1:" + port,
                "--ignore-certificate-errors");
        https = HttpClient.newBuilder().sslContext(trustingTheTestCertificate()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (merchant != null) {
            merchant.close();
        }
    }

    @BeforeEach
    void page() throws Exception {
        var keys = tokenKeys.ensure(shops.findByShopId(SHOP_ID).orElseThrow());
        pageCard = CardTestCards.MASTERCARD;
        String html = new String(resource("mptoken/merchant.html"), StandardCharsets.UTF_8)
                .replace("@API_KEY@", keys.apiKey()).replace("@PUBLIC_KEY@", keys.publicKey())
                .replace("@LEGACY_CARD@", pageCard);
        merchant.on("/checkout", r -> new MerchantServer.Answer(200, "text/html; charset=UTF-8",
                html.getBytes(StandardCharsets.UTF_8)));
        browser.get(merchant.url("/checkout"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.mulpayReady === true")));
    }

    @Test
    void getTokenGivesTwoTokensThatTheMerchantCharges() throws Exception {
        browser.findElement(By.id("legacy")).click();
        String text = waitForText("legacy-result");
        JsonNode response = JSON.readTree(text);
        assertThat(response.get("resultCode").asString()).as(text).isEqualTo("000");
        JsonNode tokenObject = response.get("tokenObject");
        assertThat(tokenObject.get("maskedCardNo").asString()).isEqualTo("555555******4444");
        assertThat(tokenObject.get("isSecurityCodeSet").asBoolean()).isTrue();
        assertThat(tokenObject.get("toBeExpiredAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
        assertThat(tokenObject.get("token").size()).as("tokenNumber 2").isEqualTo(2);
        for (JsonNode token : tokenObject.get("token")) {
            var charge = charge(token.asString());
            assertThat(charge.statusCode()).as(charge.body()).isEqualTo(201);
            assertThat(JSON.readTree(charge.body()).at("/creditResult/cardResult/cardNumber").asString()).isEqualTo("************4444");
        }
        assertThat(charge(tokenObject.get("token").get(0).asString()).statusCode()).as("used up").isEqualTo(400);
    }

    @Test
    void getTokenAnswersTheLegacyResultCodes() {
        assertThat(legacy("{cardNo:'4111111111111112', expire:'203306'}")).isEqualTo("101");
        assertThat(legacy("{cardNo:'4111111111111111', expire:'20331'}")).isEqualTo("112");
        assertThat(legacy("{cardNo:'4111111111111111', expire:'203313'}")).isEqualTo("113");
        assertThat(legacy("{cardNo:'4111111111111111', expire:'203306', securityCode:'12'}")).isEqualTo("122");
        assertThat(legacy("null")).isEqualTo("701");
        Object wrongKey = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.Multipayment.init('bm8tc3VjaC1rZXk=', window.mulpay.pubKey)
                  .getToken({cardNo:'4111111111111111', expire:'203306'}).then(r => done(r.resultCode));""");
        assertThat(wrongKey).isEqualTo("180");
    }

    @Test
    void theIframeElementsGiveATokenWithoutTheCardReachingThePage() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("events")).getText().contains("ready:cardCvc"));
        type("kessai-mptoken-cardNumber", CardTestCards.VISA);
        type("kessai-mptoken-cardExpiry", "1230");
        type("kessai-mptoken-cardCvc", "123");
        wait.until(d -> d.findElement(By.id("events")).getText().contains("change:cardNumber:true"));
        browser.findElement(By.id("pay")).click();
        String text = waitForText("iframe-result");
        JsonNode response = JSON.readTree(text);
        assertThat(response.get("result").asString()).as(text).isEqualTo("success");
        assertThat(response.get("maskedCardNumber").asString()).isEqualTo("411111******1111");
        assertThat(response.get("tokenList").size()).isEqualTo(1);
        var charge = charge(response.get("tokenList").get(0).asString());
        assertThat(charge.statusCode()).as(charge.body()).isEqualTo(201);
        JsonNode charged = JSON.readTree(charge.body());
        assertThat(charged.at("/creditResult/cardResult/cardholderName").asString()).isEqualTo("HANAKO MIHON");
        assertThat(charged.at("/creditResult/cardResult/expiryMonth").asString()).isEqualTo("12");
        assertThat(charged.at("/creditResult/cardResult/expiryYear").asString()).isEqualTo("2030");

        String page = (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML");
        assertThat(page).contains("success").doesNotContain(CardTestCards.VISA).doesNotContain("4111 1111");
        assertThat(java.util.stream.Stream.of("/checkout", "/loader/index.js").flatMap(path -> merchant.all(path).stream()))
                .as("the merchant's server saw requests, none with the card number").isNotEmpty()
                .noneMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains(CardTestCards.VISA));
    }

    private void type(String frame, String keys) {
        browser.switchTo().frame(frame);
        try {
            browser.findElement(By.id("field")).sendKeys(keys);
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private String legacy(String cardObject) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.mulpay.getToken(%s).then(r => done(r.resultCode));""".formatted(cardObject));
    }

    private String waitForText(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            String text = d.findElement(By.id(id)).getText();
            return text.isEmpty() ? null : text;
        });
    }

    private HttpResponse<String> charge(String token) throws Exception {
        String body = """
                {"merchant":{"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store",
                  "nameShort":"サンプル","contactName":"サポート窓口","contactPhone":"0120-123-456",
                  "contactOpeningHours":"10:00-18:00"},
                 "order":{"orderId":"%s","amount":"1500","transactionType":"CIT"},
                 "payer":{"name":"見本 太郎"},
                 "creditInformation":{"tokenizedCard":{"type":"MP_TOKEN","token":"%s"},
                  "creditChargeOptions":{"authorizationMode":"AUTH","useTds2":false}}}"""
                .formatted("br-" + UUID.randomUUID().toString().substring(0, 20), token);
        var request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/credit/charge"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SHOP_ID + ":" + SHOP_PASS).getBytes(StandardCharsets.US_ASCII)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return https.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The merchant's server trusts Kessai's test certificate (src/test/resources/tls), nothing else. */
    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = MpTokenBrowserIT.class.getClassLoader().getResourceAsStream("tls/test-keystore.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = MpTokenBrowserIT.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
