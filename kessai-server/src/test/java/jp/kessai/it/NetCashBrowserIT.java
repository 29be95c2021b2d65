package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tier: a merchant integration written against seed 001 runs unchanged in headless Chromium — the merchant's
 * auto-submitting page (the seed's sample) posts to StartURL, the customer pays (or cancels) on the NET CASH center
 * simulator's page, and the merchant's RetURL receives the result and verifies CheckString.
 */
class NetCashBrowserIT extends IntegrationTest {

    private MerchantServer merchant;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        merchant = new MerchantServer();
        merchant.on("/ret", r -> MerchantServer.Answer.html("<html><body><h1 id=\"done\">ご注文ありがとうございました</h1></body></html>"));
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        merchant.close();
    }

    @Test
    void customerPaysInABrowserAndTheMerchantVerifiesCheckString() throws Exception {
        var order = merchantStartsPayment(2500);
        browser.get(merchant.url("/checkout"));

        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cardNo")));
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("2,500 円");
        browser.findElement(By.id("cardNo")).sendKeys("5000000000000002");
        browser.findElement(By.id("payButton")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "残高が不足しています"));
        browser.findElement(By.id("cardNo")).sendKeys("5000000000000001");
        browser.findElement(By.id("payButton")).click();

        var result = merchant.next("/ret", 20);
        assertThat(result).as("the browser posted the result to RetURL").isNotNull();
        var form = result.form();
        assertThat(form).containsEntry("ShopID", SHOP_ID).containsEntry("OrderID", order.orderId()).containsEntry("Status", "PAYSUCCESS");
        assertThat(form.get("CheckString"))
                .isEqualTo(NetCashFlow.checkString(SHOP_ID, order.orderId(), "PAYSUCCESS", form.get("TranDate"), SHOP_PASS));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(searchStatus(order.orderId())).isEqualTo("PAYSUCCESS");
    }

    @Test
    void customerCancelsInABrowserAndTheMerchantGetsPayfail() throws Exception {
        var order = merchantStartsPayment(800);
        browser.get(merchant.url("/checkout"));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancelButton"))).click();

        var result = merchant.next("/ret", 20);
        assertThat(result).isNotNull();
        var form = result.form();
        assertThat(form).containsEntry("Status", "PAYFAIL").containsEntry("ErrCode", "NC1").containsEntry("ErrInfo", "NC1000009");
        assertThat(form.get("CheckString"))
                .isEqualTo(NetCashFlow.checkString(SHOP_ID, order.orderId(), "PAYFAIL", form.get("TranDate"), SHOP_PASS));
        assertThat(searchStatus(order.orderId())).isEqualTo("PAYFAIL");
    }

    /** The merchant's server side: Entry + Exec, then the seed's redirect page (Windows-31J) served at /checkout. */
    private NetCashFlow.Order merchantStartsPayment(long amount) {
        var order = new NetCashFlow(baseUrl()).entryAndExec(newOrderId(), amount, 0, merchant.url("/ret"));
        String page = """
                <html>
                <head>
                  <meta http-equiv="Content-Type" content="text/html; charset=Windows-31J">
                </head>
                <body OnLoad='OnLoadEvent();'>
                  <form name="NetCashStartCall" action="%s" method="POST">
                  <noscript>
                  <br>
                  <br>
                  <center>
                    <h2>
                      NETCASHの決済画面へ遷移します
                    </h2>
                    <input type="submit" value="続行" />
                  </center>
                  </noscript>
                  <input type="hidden" name="AccessID" value="%s">
                  <input type="hidden" name="Token" value="%s">
                </form>
                <script >
                <!--
                  function OnLoadEvent() {
                    document.NetCashStartCall.submit();
                  }
                  //-->
                </script>
                </body>
                </html>
                """.formatted(order.startUrl(), order.accessId(), order.token());
        merchant.on("/checkout", r -> MerchantServer.Answer.html(page));
        return order;
    }

    private String searchStatus(String orderId) {
        return idpass.post("SearchTradeMulti", params("ShopID", SHOP_ID, "ShopPass", SHOP_PASS, "OrderID", orderId,
                "PayType", "16")).get("Status");
    }
}
