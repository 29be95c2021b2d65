package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.kessai.processor.threeds.simulator.ThreeDsTestCards;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tier for 3-D Secure with autoAuthorization (seed 003, 3Dセキュア認証・自動オーソリあり): a merchant page
 * charges with useTds2 and sends the browser on (the seed's meta refresh), headless Chromium goes through Kessai's
 * 3DS Method page and, when the simulated issuer asks, its challenge page, and lands on the merchant's callback
 * with p; the merchant then reads /order/inquiry. One browser for the class, one path per test.
 */
class ThreeDsBrowserIT extends ThreeDsIntegrationTest {

    private static MerchantServer merchant;
    private static ChromeDriver browser;
    private static final Map<String, OpenApiClient.Answer> CHARGES = new ConcurrentHashMap<>();

    @BeforeAll
    static void startBrowser() throws Exception {
        merchant = new MerchantServer();
        merchant.on("/callback", r -> MerchantServer.Answer.html(
                "<html><body><h1 id=\"thanks\">ご注文を承りました</h1></body></html>"));
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        merchant.close();
    }

    /** A customer's checkout: the merchant's server charges, its page sends the browser where the answer says. */
    record Checkout(String orderId, String csrfToken) {
        OpenApiClient.Answer charge() {
            return CHARGES.get(orderId);
        }
    }

    private Checkout checkout(String card, String tds2Options) {
        String orderId = newOrderId();
        String csrf = UUID.randomUUID().toString();
        return checkout("/credit/charge", orderId, csrf,
                tdsChargeBody(orderId, 1500, card, "AUTH", merchant.url("/callback"), csrf, tds2Options));
    }

    /** The merchant's server posts {@code body} to {@code path} (a 3DS start) and its page follows the answer. */
    private Checkout checkout(String path, String orderId, String csrf, String body) {
        merchant.on("/shop/" + orderId, r -> {
            var answer = api.post(path, body);
            CHARGES.put(orderId, answer);
            if (answer.status() == 202) {
                return MerchantServer.Answer.html("<html><head><meta http-equiv=\"refresh\" content=\"0; URL="
                        + answer.at("/redirectInformation/redirectUrl") + "\"></head><body></body></html>");
            }
            return MerchantServer.Answer.html("<html><body><h1 id=\"result\">" + answer.status() + "</h1></body></html>");
        });
        browser.get(merchant.url("/shop/" + orderId));
        return new Checkout(orderId, csrf);
    }

    /** Waits up to 20 s; a page navigating away while the driver looks (the pages submit themselves) is looked at again. */
    private WebDriverWait waiting() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** Waits for the merchant's callback page and returns p; asserts the seed's members. */
    private Map<String, String> callback(Checkout checkout, String event) {
        waiting().until(ExpectedConditions.urlContains(merchant.url("/callback")));
        var p = decodeP(browser.getCurrentUrl());
        String accessId = assertRedirect(checkout.charge());
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", event)
                .containsEntry("csrfToken", checkout.csrfToken());
        return p;
    }

    private void answerChallenge(String password) {
        var otp = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        otp.clear();
        otp.sendKeys(password);
        browser.findElement(By.id("submitButton")).click();
    }

    private OpenApiClient.Answer inquired(Map<String, String> p, String status) {
        var inquiry = inquiry(p.get("accessId"));
        assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(200);
        assertSchema("OrderInquiryResponseCredit", inquiry);
        assertThat(inquiry.at("/orderReference/status")).isEqualTo(status);
        assertThat(inquiry.at("/creditResult/useTds2")).isEqualTo("true");
        return inquiry;
    }

    private static void assertTds2(OpenApiClient.Answer inquiry, String transStatus, String eci, String reason) {
        assertThat(inquiry.at("/tds2Result/tds2TransResult")).isEqualTo(transStatus);
        assertThat(inquiry.at("/tds2Result/eci")).isEqualTo(eci);
        assertThat(inquiry.at("/tds2Result/tds2TransResultReason")).isEqualTo(reason);
    }

    @Test
    void anOrdinaryCardAuthenticatesFrictionlesslyAndIsAuthorised() {
        var checkout = checkout(CardTestCards.VISA, "");
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "AUTH");
        assertTds2(inquiry, "Y", "05", "18");
        assertThat(inquiry.at("/tds2Result/requiresChallenge")).isEqualTo("false");
        assertThat(inquiry.at("/creditResult/approvalCode")).matches("\\d{7}");
        assertThat(inquiry.at("/errorInformation")).isNull();
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("ご注文を承りました");
    }

    @Test
    void aChallengeAnsweredRightAfterOneWrongPasswordIsAuthorised() {
        var checkout = checkout(ThreeDsTestCards.CHALLENGE, "");
        var heading = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        // Japanese renders as Japanese (UTF-8 page, no mojibake), and the page loads nothing from elsewhere
        assertThat(heading.getText()).isEqualTo("本人認証サービス (3Dセキュア)");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("1,500 円");
        assertThat(browser.findElement(By.id("card")).getText()).isEqualTo("VISA ****3063");
        assertThat(browser.findElements(By.cssSelector("[src^='http'], link[href], script[src]"))).isEmpty();
        answerChallenge("000000");
        waiting().until(ExpectedConditions.textToBe(By.id("error"), "ワンタイムパスワードが正しくありません。"));
        assertThat(browser.findElement(By.id("triesLeft")).getText()).isEqualTo("2 回");
        answerChallenge(ThreeDsTestCards.ONE_TIME_PASSWORD);
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "AUTH");
        assertTds2(inquiry, "Y", "05", "18");
    }

    @Test
    void threeWrongPasswordsFailAuthenticationAndNothingIsAuthorised() {
        var checkout = checkout(ThreeDsTestCards.CHALLENGE_MASTERCARD, "");
        for (int i = 0; i < ThreeDsTestCards.CHALLENGE_TRIES; i++) {
            answerChallenge("99999" + i);
        }
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
        assertTds2(inquiry, "N", "00", "19");
        assertThat(inquiry.at("/errorInformation/title")).isEqualTo("card_declined");
        assertThat(inquiry.at("/errorInformation/detail")).isEqualTo("3-D Secure authentication failed.");
        assertThat(inquiry.at("/creditResult/approvalCode")).isNull();
    }

    @Test
    void theCardholderCancelsTheChallenge() {
        var checkout = checkout(ThreeDsTestCards.CHALLENGE, "");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("cancelButton"))).click();
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
        assertThat(inquiry.at("/errorInformation/title")).isEqualTo("operation_aborted_by_user");
        assertTds2(inquiry, "N", "07", "01");
    }

    @Test
    void theAcsTimesOutWhileTheCardholderWaits() {
        var checkout = checkout(ThreeDsTestCards.ACS_TIMEOUT, "");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        // the page counts the ACS's short window down and gives up by itself
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
        assertTds2(inquiry, "N", "07", "14");
        assertThat(inquiry.at("/errorInformation/title")).isEqualTo("card_declined");
    }

    @Test
    void requiresChallengeMakesAnOrdinaryCardChallenged() {
        var checkout = checkout(CardTestCards.JCB, "\"requiresChallenge\":true");
        answerChallenge(ThreeDsTestCards.ONE_TIME_PASSWORD);
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "AUTH");
        assertThat(inquiry.at("/tds2Result/requiresChallenge")).isEqualTo("true");
    }

    @Test
    void anAttemptIsAcceptedWithAllowAndWithFollowOnAShopWithoutTheMandatoryContract() {
        var allow = checkout(ThreeDsTestCards.ATTEMPT, "\"allowAttempt\":\"ALLOW\"");
        assertTds2(inquired(callback(allow, "TDS_CHARGE_FINISHED"), "AUTH"), "A", "06", "13");
        var follow = checkout(ThreeDsTestCards.ATTEMPT_MASTERCARD, "\"allowAttempt\":\"FOLLOW\"");
        assertTds2(inquired(callback(follow, "TDS_CHARGE_FINISHED"), "AUTH"), "A", "01", "13");
    }

    @Test
    void anAttemptIsRefusedWithNotAllowAndWithFollowOnAShopWithTheMandatoryContract() {
        var refused = checkout(ThreeDsTestCards.ATTEMPT, "\"allowAttempt\":\"NOT_ALLOW\"");
        var inquiry = inquired(callback(refused, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
        assertTds2(inquiry, "A", "06", "13");
        assertThat(inquiry.at("/errorInformation/title")).isEqualTo("card_declined");

        setMandatory(true);
        try {
            var follow = checkout(ThreeDsTestCards.ATTEMPT, "");
            inquired(callback(follow, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
        } finally {
            setMandatory(false);
        }
    }

    private void setMandatory(boolean mandatory) {
        var response = sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{\"tds2Mandatory\":" + mandatory + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void notAuthenticatedRejectedAndUnavailableNeverReachTheAcquirer() {
        for (var row : Map.of(ThreeDsTestCards.NOT_AUTHENTICATED, "N:01", ThreeDsTestCards.REJECTED, "R:11",
                ThreeDsTestCards.UNAVAILABLE_AT_ACS, "U:09").entrySet()) {
            var checkout = checkout(row.getKey(), "");
            var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "UNPROCESSED");
            String[] expected = row.getValue().split(":");
            assertTds2(inquiry, expected[0], "07", expected[1]);
            assertThat(inquiry.at("/errorInformation/title")).isEqualTo("card_declined");
            assertThat(inquiry.at("/creditResult/approvalCode")).as("no authorisation after " + expected[0]).isNull();
        }
    }

    @Test
    void aCardThatIsNotEnrolledIsChargedWithoutThreeDsOnlyWhenTheMerchantSkipsIt() {
        var skipped = checkout(ThreeDsTestCards.NOT_ENROLLED, "\"skipNotEnrolledCard\":true");
        waiting().until(ExpectedConditions.textToBe(By.id("result"), "201"));
        var charged = skipped.charge();
        assertSchema("CreditChargeResponse", charged);
        assertThat(charged.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(charged.at("/creditResult/useTds2")).isEqualTo("false");
        assertThat(inquiry(charged.at("/orderReference/accessId")).at("/orderReference/status")).isEqualTo("AUTH");

        var refused = checkout(ThreeDsTestCards.NOT_ENROLLED, "\"skipNotEnrolledCard\":false");
        waiting().until(ExpectedConditions.textToBe(By.id("result"), "402"));
        var problem = refused.charge();
        assertThat(problem.contentType()).isEqualTo("application/problem+json");
        assertThat(ResponseSchemaCheck.violations("Problem", problem.body())).isEmpty();
        assertThat(problem.at("/title")).isEqualTo("card_declined");
        assertThat(problem.at("/detail")).isEqualTo("The card is not enrolled in 3-D Secure.");
        var inquiry = api.post("/order/inquiry", "{\"orderId\":\"" + refused.orderId() + "\"}");
        assertSchema("OrderInquiryResponseCredit", inquiry);
        assertThat(inquiry.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(inquiry.at("/errorInformation/detail")).isEqualTo("The card is not enrolled in 3-D Secure.");
    }

    @Test
    void aCardVerifiedWithAChallengeInTheBrowserIsStoredBeforeTheCallback() {
        String memberId = "b-" + UUID.randomUUID().toString().substring(0, 8) + "@3ds";
        String orderId = newOrderId();
        String csrf = UUID.randomUUID().toString();
        var checkout = checkout("/credit/verifyCard", orderId, csrf, withTds2(VaultFixtures.verify(orderId,
                "\"card\":" + VaultFixtures.card(ThreeDsTestCards.CHALLENGE, "TARO MIHON"),
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true}"), merchant.url("/callback"), csrf, ""));
        answerChallenge(ThreeDsTestCards.ONE_TIME_PASSWORD);
        waiting().until(ExpectedConditions.urlContains(merchant.url("/callback")));
        var started = checkout.charge();
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertSchema("CreditVerifyCardTds2Response", started);
        var p = decodeP(browser.getCurrentUrl());
        assertThat(p).containsEntry("accessId", started.at("/orderReference/accessId"))
                .containsEntry("event", "TDS_VERIFICATION_FINISHED").containsEntry("csrfToken", csrf);
        var inquiry = inquired(p, "CHECK");
        assertThat(inquiry.at("/tds2Result/tds2TransResult")).isEqualTo("Y");
        var member = api.post("/member/inquiry", "{\"memberId\":\"" + memberId + "\"}");
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        assertSchema("MemberInquiryResponse", member);
        assertThat(member.json().get("onfileCards")).hasSize(1);
        assertThat(member.at("/onfileCards/0/cardNumber")).endsWith("3063");
    }

    @Test
    void aStoredCardIsChargedWithThreeDsInTheBrowser() {
        String memberId = "b-" + UUID.randomUUID().toString().substring(0, 8) + "@3ds";
        var stored = api.post("/credit/storeCard", VaultFixtures.storeCard(CardTestCards.VISA,
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String orderId = newOrderId();
        String csrf = UUID.randomUUID().toString();
        var checkout = checkout("/credit/on-file/charge", orderId, csrf, withTds2(VaultFixtures.onfileCharge(orderId,
                1500, memberId, "", "\"useTds2\":false"), merchant.url("/callback"), csrf, ""));
        var inquiry = inquired(callback(checkout, "TDS_CHARGE_FINISHED"), "AUTH");
        assertTds2(inquiry, "Y", "05", "18");
        assertThat(inquiry.at("/orderReference/amount")).isEqualTo("1500");
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("ご注文を承りました");
    }
}
