package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import jp.kessai.platform.logging.RequestLog;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 12: one INFO line per request on every face — face, endpoint, shop, order id, result code and its meaning,
 * duration — and never a card number, security code, password, token or Authorization value.
 */
class RequestLogIT extends OpenApiIntegrationTest {

    private static final String LINE = "face=\\S+ endpoint=\\S+ shop=\\S+ order=\\S+ result=\\S+ meaning=\"[^\"]*\" status=\\d{3} duration=\\d+ms";
    private static final String SECURITY_CODE = "917";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void capture() {
        logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void idpassLinesNameTheEndpointShopOrderAndErrInfoWithItsMeaning() {
        String cardNo = newCard(10_000);
        var order = entry(1000, 80);
        assertThat(exec(order, cardNo, "1234").isError()).isFalse();
        String paid = awaitLine(l -> l.contains("endpoint=ExecTranJcbPreca") && l.contains("order=" + order.get("OrderID")));
        assertThat(paid).startsWith("face=idpass endpoint=ExecTranJcbPreca shop=" + SHOP_ID + " order=" + order.get("OrderID")
                + " result=ok meaning=\"OK\" status=200 duration=");

        var refused = entry(1000, 0);
        exec(refused, cardNo, "9999");
        assertThat(awaitLine(l -> l.contains("order=" + refused.get("OrderID")) && l.contains("ExecTran")))
                .contains("result=JP1000005 meaning=\"Verification number error\"");

        idpass.post("EntryTranJcbPreca", IdPassClient.params("Amount", "0"));
        assertThat(awaitLine(l -> l.contains("result=M01002001|")))
                .contains("face=idpass endpoint=EntryTranJcbPreca shop=- order=-", "meaning=\"ShopID missing (+4 more)\"");
        assertNoSecret(cardNo);
    }

    @Test
    void openapiLinesNameTheEndpointShopOrderAndProblemTitle() {
        String orderId = newOrderId();
        var charged = api.post("/credit/charge", chargeBody(orderId, 1000, "AUTH").replace("\"securityCode\":\"123\"",
                "\"securityCode\":\"" + SECURITY_CODE + "\""));
        assertThat(charged.status()).as(charged.body()).isEqualTo(201);
        assertThat(awaitLine(l -> l.contains("order=" + orderId)))
                .matches("face=openapi endpoint=/credit/charge shop=" + SHOP_ID + " order=" + orderId
                        + " result=ok meaning=\"OK\" status=201 duration=\\d+ms");

        String declined = newOrderId();
        api.post("/credit/charge", chargeBody(declined, 1000, CardTestCards.DECLINED, "AUTH", ""));
        assertThat(awaitLine(l -> l.contains("order=" + declined)))
                .contains("result=card_declined meaning=\"the card was declined\" status=402");

        new OpenApiClient(baseUrl()).as(OpenApiClient.basic(SHOP_ID, "wrongpass")).post("/order/inquiry", "{}");
        assertThat(awaitLine(l -> l.contains("result=unauthorized_request")))
                .contains("face=openapi endpoint=/order/inquiry shop=- ", "status=401");

        String authorization = Base64.getEncoder().encodeToString((SHOP_ID + ":" + SHOP_PASS).getBytes());
        assertNoSecret(CardTestCards.VISA, CardTestCards.DECLINED, SECURITY_CODE, authorization, "wrongpass");
    }

    @Test
    void sandboxAndNetCashPagesAreLoggedWithTheirPatternsNotTheirValues() {
        String cardNo = newCard(500);
        assertThat(sandbox("GET", "/sandbox/jcb-preca/cards/" + cardNo, null).statusCode()).isEqualTo(200);
        assertThat(awaitLine(l -> l.contains("endpoint=/sandbox/jcb-preca/cards/{cardNo}")))
                .matches("face=sandbox endpoint=/sandbox/jcb-preca/cards/\\{cardNo\\} shop=- order=- result=200 meaning=\"OK\" status=200 duration=\\d+ms");
        sandbox("POST", "/sandbox/shops/" + SHOP_ID + "/settings", "{}");
        assertThat(awaitLine(l -> l.contains("endpoint=/sandbox/shops/{shopId}/settings"))).contains("shop=" + SHOP_ID);

        var flow = new NetCashFlow(baseUrl());
        var order = flow.entryAndExec(newOrderId(), 1000, 0, "https://merchant.example/ret");
        var started = flow.start(order.accessId(), order.token());
        assertThat(awaitLine(l -> l.contains("endpoint=NetCashStart") && l.contains(order.orderId())))
                .contains("face=idpass", "result=ok");
        String page = started.headers().firstValue("Location").orElseThrow();
        flow.get(page);
        assertThat(awaitLine(l -> l.startsWith("face=netcash-simulator") && l.contains("result=SHOWN")))
                .contains("endpoint=/simulator/netcash/{sessionId} ");
        flow.pay(page, "5000000000000001");
        assertThat(awaitLine(l -> l.startsWith("face=netcash-simulator") && l.contains("result=PAID")))
                .contains("endpoint=/simulator/netcash/{sessionId}/pay ", "meaning=\"paid\"", "status=302");

        flow.get("/simulator/acs/challenge/unknown");
        assertThat(awaitLine(l -> l.startsWith("face=acs-simulator"))).contains("endpoint=/simulator/acs/challenge/{id}");
        flow.get("/3ds/unknown");
        assertThat(awaitLine(l -> l.contains("endpoint=/3ds/{token}"))).startsWith("face=openapi");
        assertNoSecret(cardNo, "5000000000000001", order.token(), order.accessPass());
    }

    /** The request's line: it is written once the answer is out, so it may come a moment after the response. */
    private String awaitLine(Predicate<String> wanted) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (wanted.test(line)) {
                    assertThat(line).matches(LINE);
                    return line;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no such request log line in:\n" + String.join("\n", lines()));
    }

    private List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /**
     * No line holds any of the values, every line is at INFO. The order ids (made of random digits here) and the
     * duration are left out of the search, so that a short value cannot match them by chance.
     */
    private void assertNoSecret(String... secrets) {
        synchronized (appender) {
            assertThat(appender.list).allMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.INFO);
        }
        for (String line : lines()) {
            String withoutDuration = line.replaceAll(" duration=\\d+ms$", "").replaceAll(" order=\\S+", "");
            assertThat(withoutDuration).doesNotContain(SHOP_PASS).doesNotContain(secrets);
        }
    }
}
