package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.kessai.core.credit.CardSource;
import jp.kessai.core.credit.CreditVerification;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.threeds.AllowAttempt;
import jp.kessai.core.threeds.ThreeDsPaths;
import jp.kessai.core.threeds.ThreeDsRequest;
import jp.kessai.core.threeds.ThreeDsStart;
import jp.kessai.core.token.TokenKeys;
import jp.kessai.core.vault.CardData;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import jp.kessai.processor.card.simulator.CardTestCards;
import jp.kessai.processor.threeds.simulator.ThreeDsTestCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 3-D Secure over HTTP without a browser (the browser's requests made one by one): autoAuthorization false with
 * /tds2/finalizeCharge and /tds2/finalizeVerification, wrong states and other shops, the 3DS server down, expiry on
 * the sandbox clock, a crash between the ACS's result and the authorisation, an authorisation whose outcome is
 * unknown, the card verification flow through the core API, and /credit/verifyCard (card data, storing the card;
 * a stored card) and /credit/on-file/charge with 3-D Secure over HTTP.
 */
class ThreeDsFlowIT extends ThreeDsIntegrationTest {

    private static final HttpClient PAGES = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CALLBACK = "https://shop.example.com/callback?from=kessai";

    @Autowired
    ThreeDsStart threeDs;

    @Autowired
    ShopDirectory shops;

    @Autowired
    TokenKeys tokenKeys;

    private HttpResponse<String> page(String method, String url, String form) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(url.startsWith("/") ? baseUrl() + url : url));
            builder = form == null ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                    : builder.header("Content-Type", "application/x-www-form-urlencoded")
                            .method(method, HttpRequest.BodyPublishers.ofString(form));
            return PAGES.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String token(String redirectUrl) {
        return redirectUrl.substring(redirectUrl.lastIndexOf('/') + 1);
    }

    /** The browser's way from the redirectUrl to the merchant's callback; {@code otp} answers a challenge. */
    private String walk(String redirectUrl, String otp) {
        var method = page("GET", redirectUrl, null);
        assertThat(method.statusCode()).isEqualTo(200);
        assertThat(method.body()).contains("本人認証 (3Dセキュア) を行っています").contains("/simulator/acs/method/");
        assertThat(method.headers().firstValue("Cache-Control")).contains("no-store");
        String next = location(page("POST", ThreeDsPaths.authenticate(token(redirectUrl)), "methodCompleted=Y"));
        if (next.contains("/simulator/acs/challenge/")) {
            assertThat(otp).as("a challenge was not expected").isNotNull();
            assertThat(page("GET", next, null).body()).contains("ワンタイムパスワード");
            String back = location(page("POST", next, "otp=" + otp));
            assertThat(back).endsWith(ThreeDsPaths.challengeReturn(token(redirectUrl)));
            next = location(page("GET", back, null));
        }
        assertThat(next).startsWith(CALLBACK + "&p=");
        return next;
    }

    private OpenApiClient.Answer startCharge(String orderId, String card, String mode, String options) {
        return api.post("/credit/charge", tdsChargeBody(orderId, 1000, card, mode, CALLBACK, "csrf-1", options));
    }

    private OpenApiClient.Answer finalizeCharge(String accessId) {
        return api.post("/tds2/finalizeCharge", "{\"accessId\":\"" + accessId + "\"}");
    }

    @Test
    void withoutAutoAuthorizationTheMerchantFinalizesTheCharge() {
        String orderId = newOrderId();
        var started = startCharge(orderId, CardTestCards.VISA, "AUTH", "\"autoAuthorization\":false");
        String accessId = assertRedirect(started);
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        JsonGolden.assertMatches("openapi/it/credit-charge-tds2-202.json", started.body(),
                Map.of("accessId", accessId, "orderId", orderId, "redirectUrl", redirectUrl));

        byte[] sealedCard = jdbc.sql("SELECT card_no_enc FROM tds_flow WHERE token = ?").param(token(redirectUrl))
                .query(byte[].class).single();
        assertThat(new String(sealedCard, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the card number is sealed at rest").doesNotContain(CardTestCards.VISA).doesNotContain("1111");
        var p = decodeP(walk(redirectUrl, null));
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", "TDS_FINISHED")
                .containsEntry("csrfToken", "csrf-1");
        var waiting = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", waiting);
        assertThat(waiting.at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        assertThat(waiting.at("/tds2Result/tds2TransResult")).isEqualTo("Y");

        String key = newKey();
        var finalized = api.post("/tds2/finalizeCharge", "{\"accessId\":\"" + accessId + "\"}", idempotencyKey(key));
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeChargeResponse", finalized);
        JsonGolden.assertMatches("openapi/it/tds2-finalizeCharge-auth-201.json", finalized.body(),
                Map.of("accessId", accessId, "orderId", orderId));
        var replay = api.post("/tds2/finalizeCharge", "{\"accessId\":\"" + accessId + "\"}", idempotencyKey(key));
        assertThat(replay.body()).isEqualTo(finalized.body());

        var again = finalizeCharge(accessId);
        JsonGolden.assertMatches("openapi/it/problem-tds2-invalid-status.json", again.body(),
                Map.of("instance", "/tds2/finalizeCharge"));
        assertThat(jdbc.sql("SELECT state, security_code_enc IS NULL FROM tds_flow f JOIN payment_order o ON o.id = f.order_pk WHERE o.access_id = ?")
                .param(accessId).query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2)).single())
                .as("the security code is erased when the flow ends").isEqualTo("FINISHED true");
    }

    @Test
    void anMpTokenChargeRunsThreeDsWithTheCardBehindTheToken() {
        var keys = tokenKeys.ensure(shops.findByShopId(SHOP_ID).orElseThrow());
        String mpToken = new MpTokenClient(baseUrl(), keys.apiKey(), keys.publicKey())
                .token(ThreeDsTestCards.CHALLENGE, "123");
        String orderId = newOrderId();
        String body = tdsChargeBody(orderId, 1000, CardTestCards.VISA, "AUTH", CALLBACK, "csrf-t", "").replaceFirst(
                "\"card\":\\{[^}]*\\}", "\"tokenizedCard\":{\"type\":\"MP_TOKEN\",\"token\":\"" + mpToken + "\"}");
        assertThat(body).contains("tokenizedCard").doesNotContain(CardTestCards.VISA);
        var started = api.post("/credit/charge", body);
        String accessId = assertRedirect(started);
        // the challenge card behind the token, not any other, decides the 3-D Secure scenario
        var p = decodeP(walk(started.at("/redirectInformation/redirectUrl"), ThreeDsTestCards.ONE_TIME_PASSWORD));
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", "TDS_CHARGE_FINISHED");
        var charged = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", charged);
        assertThat(charged.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(charged.at("/creditResult/cardResult/cardNumber")).endsWith("3063");
        assertThat(charged.at("/tds2Result/tds2TransResult")).isEqualTo("Y");
        var reused = api.post("/credit/charge", body.replace(orderId, newOrderId()));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.at("/detail")).isEqualTo("The token has already been used.(creditInformation.tokenizedCard.token)");
    }

    /** A verification of card data (06/2033) through the core, nothing to store. */
    private static CreditVerification.Command verification(String orderId, String number, SecurityCode code, String holder) {
        return new CreditVerification.Command(orderId, ClientFields.NONE,
                new CardSource.Direct(new CardData(new CardNumber(number), "06", "2033", holder), code), "0000990", null,
                "2023-06", "{}");
    }

    @Test
    void finalizeChargeWithCaptureModeCapturesAtOnce() {
        var started = startCharge(newOrderId(), CardTestCards.MASTERCARD, "CAPTURE", "\"autoAuthorization\":false");
        String accessId = assertRedirect(started);
        walk(started.at("/redirectInformation/redirectUrl"), null);
        var finalized = finalizeCharge(accessId);
        assertSchema("Tds2FinalizeChargeResponse", finalized);
        assertThat(finalized.at("/nextAction")).isEqualTo("NO_ACTION");
        assertThat(finalized.at("/orderReference/status")).isEqualTo("CAPTURE");
        assertThat(finalized.at("/tds2Result/eci")).isEqualTo("02");
    }

    @Test
    void aFailedAuthenticationIsTheFinalizeAnswerAndNothingIsAuthorised() {
        var started = startCharge(newOrderId(), ThreeDsTestCards.CHALLENGE, "AUTH", "\"autoAuthorization\":false");
        String accessId = assertRedirect(started);
        String challenge = location(page("POST", ThreeDsPaths.authenticate(token(started.at("/redirectInformation/redirectUrl"))), "methodCompleted=N"));
        String back = "";
        for (int i = 0; i < 3; i++) {
            var answer = page("POST", challenge, "otp=000000");
            back = answer.statusCode() == 302 ? location(answer) : back;
        }
        var p = decodeP(location(page("GET", back, null)));
        assertThat(p).containsEntry("event", "TDS_FINISHED");
        var refused = finalizeCharge(accessId);
        assertThat(refused.status()).isEqualTo(402);
        JsonGolden.assertMatches("openapi/it/problem-tds2-authentication-failed.json", refused.body(), Map.of());
        var inquiry = inquiry(accessId);
        assertThat(inquiry.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(inquiry.at("/tds2Result/tds2TransResultReason")).isEqualTo("19");
        assertThat(inquiry.at("/creditResult/approvalCode")).isNull();
    }

    @Test
    void finalizeRefusesWrongStatesOtherKindsAndOtherShops() {
        var started = startCharge(newOrderId(), CardTestCards.VISA, "AUTH", "\"autoAuthorization\":false");
        String accessId = assertRedirect(started);
        // the browser has not come yet: authentication is not done
        JsonGolden.assertMatches("openapi/it/problem-tds2-invalid-status.json", finalizeCharge(accessId).body(),
                Map.of("instance", "/tds2/finalizeCharge"));
        // a charge's flow is not finalised as a verification
        var verification = api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}");
        JsonGolden.assertMatches("openapi/it/problem-tds2-invalid-status.json", verification.body(),
                Map.of("instance", "/tds2/finalizeVerification"));
        // another shop does not see this transaction at all
        assertThat(sandbox("POST", "/sandbox/shops", "{\"shopId\":\"tshoptds00001\",\"shopPass\":\"tdspass1\"}")
                .statusCode()).isIn(201, 409);
        var other = new OpenApiClient(baseUrl()).as(OpenApiClient.basic("tshoptds00001", "tdspass1"));
        var foreign = other.post("/tds2/finalizeCharge", "{\"accessId\":\"" + accessId + "\"}");
        assertThat(foreign.status()).isEqualTo(400);
        JsonGolden.assertMatches("openapi/it/problem-tds2-not-accepted.json", foreign.body(), Map.of());
        // with autoAuthorization Kessai authorised already: nothing to finalise
        var auto = startCharge(newOrderId(), CardTestCards.VISA, "AUTH", "");
        walk(auto.at("/redirectInformation/redirectUrl"), null);
        JsonGolden.assertMatches("openapi/it/problem-tds2-invalid-status.json",
                finalizeCharge(auto.at("/orderReference/accessId")).body(), Map.of("instance", "/tds2/finalizeCharge"));
        // an order charged without 3-D Secure
        JsonGolden.assertMatches("openapi/it/problem-tds2-invalid-status.json",
                finalizeCharge(charged(500, "AUTH").get("accessId")).body(), Map.of("instance", "/tds2/finalizeCharge"));
        // a malformed accessId is the schema's
        assertThat(finalizeCharge("short").at("/title")).isEqualTo("invalid_parameter");
    }

    @Test
    void theCallbackUrlIsRequiredAndMustBeHttp() {
        String body = tdsChargeBody(newOrderId(), 1000, CardTestCards.VISA, "AUTH", CALLBACK, null, "");
        var missing = api.post("/credit/charge", body.replace(",\"callbackUrl\":\"" + CALLBACK + "\"", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.at("/detail")).isEqualTo("Missing required request parameters.(merchant.callbackUrl)");
        var script = api.post("/credit/charge", body.replace(CALLBACK, "javascript:alert(1)"));
        assertThat(script.at("/detail")).isEqualTo("The parameter value is invalid.(merchant.callbackUrl)");
        var longToken = api.post("/credit/charge", body.replace("\"callbackUrl\"", "\"csrfToken\":\"" + "a".repeat(37) + "\",\"callbackUrl\""));
        assertThat(longToken.at("/detail")).isEqualTo("The parameter value is invalid.(merchant.csrfToken)");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(body.replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1"))
                .query(Integer.class).single()).as("refused before anything is written").isZero();
    }

    @Test
    void anUnavailableThreeDsServerIsABadGatewayAndTheOrderShowsIt() {
        String orderId = newOrderId();
        var refused = startCharge(orderId, ThreeDsTestCards.SERVER_UNAVAILABLE, "AUTH", "");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.at("/title")).isEqualTo("bad_gateway");
        var inquiry = api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(inquiry.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(inquiry.at("/errorInformation/title")).isEqualTo("bad_gateway");
        // the same by the sandbox API, for any card; the OrderID is charged again once the server is back
        sandbox("POST", "/sandbox/tds2/faults", "{\"fault\":\"SERVER_UNAVAILABLE\",\"count\":1}");
        String again = newOrderId();
        assertThat(startCharge(again, CardTestCards.VISA, "AUTH", "").status()).isEqualTo(502);
        assertRedirect(startCharge(again, CardTestCards.VISA, "AUTH", ""));
    }

    @Test
    void anInitiationWhoseAnswerIsLostHoldsTheOrderUntilTheReconcilerSettlesIt() {
        String orderId = newOrderId();
        sandbox("POST", "/sandbox/tds2/faults", "{\"fault\":\"LOSE_ANSWER\",\"count\":1}");
        var unknown = startCharge(orderId, CardTestCards.VISA, "AUTH", "");
        assertThat(unknown.status()).isEqualTo(502);
        assertThat(unknown.at("/title")).isEqualTo("bad_gateway");
        // held: nothing else may run on it, the merchant's retry included
        assertThat(startCharge(orderId, CardTestCards.VISA, "AUTH", "").status()).isEqualTo(409);
        // no authorisation can follow an initiation nobody saw answered: past the grace period it failed
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":600}");
        assertThat(reconcileCredit()).isPositive();
        var settled = api.post("/order/inquiry", "{\"orderId\":\"" + orderId + "\"}");
        assertThat(settled.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(settled.at("/errorInformation/title")).isEqualTo("bad_gateway");
        assertRedirect(startCharge(orderId, CardTestCards.VISA, "AUTH", ""));
    }

    @Test
    void anAbandonedFlowExpiresOnTheSandboxClock() {
        var started = startCharge(newOrderId(), ThreeDsTestCards.CHALLENGE, "AUTH", "");
        String accessId = assertRedirect(started);
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        page("POST", ThreeDsPaths.authenticate(token(redirectUrl)), "methodCompleted=Y"); // at the ACS, then gone
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");

        var manual = startCharge(newOrderId(), CardTestCards.VISA, "AUTH", "\"autoAuthorization\":false");
        String manualId = assertRedirect(manual);
        walk(manual.at("/redirectInformation/redirectUrl"), null);

        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + (16 * 60) + "}");
        assertThat(sandbox("POST", "/sandbox/tds2/expire", null).body()).doesNotContain("\"expired\":0");
        var expired = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", expired);
        assertThat(expired.at("/orderReference/status")).isEqualTo("UNPROCESSED");
        assertThat(expired.at("/errorInformation/title")).isEqualTo("transaction_expired");
        assertThat(page("GET", redirectUrl, null).statusCode()).as("no callback for an abandoned flow").isEqualTo(410);
        // the authenticated one waits for its finalize call longer (kessai.tds2.finalize-window)
        assertThat(inquiry(manualId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        sandbox("POST", "/sandbox/clock/advance", "{\"advanceSeconds\":" + (60 * 60) + "}");
        JsonGolden.assertMatches("openapi/it/problem-tds2-expired.json", finalizeCharge(manualId).body(), Map.of());
        assertThat(inquiry(manualId).at("/orderReference/status")).isEqualTo("UNPROCESSED");
    }

    @Test
    void aCrashBetweenTheAcsResultAndTheAuthorisationIsRecovered() {
        var started = startCharge(newOrderId(), CardTestCards.VISA, "AUTH", "");
        String accessId = assertRedirect(started);
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        // the node stored the ACS's result and died before it authorised
        int moved = jdbc.sql("""
                UPDATE tds_flow SET state = 'AUTHENTICATED', trans_status = 'Y', eci = '05', trans_status_reason = '18',
                       updated_at = now() - interval '10 minutes'
                 WHERE token = ?""").param(token(redirectUrl)).update();
        assertThat(moved).isEqualTo(1);
        assertThat(sandbox("POST", "/sandbox/tds2/recover", null).body()).doesNotContain("\"recovered\":0");
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTH");
        // the customer's browser, back after the restart, still reaches the merchant
        assertThat(decodeP(location(page("GET", redirectUrl, null)))).containsEntry("event", "TDS_CHARGE_FINISHED");
    }

    @Test
    void anAuthorisationWhoseAnswerIsLostIsSettledByTheReconciler() {
        var started = startCharge(newOrderId(), CardTestCards.VISA, "AUTH", "");
        String accessId = assertRedirect(started);
        sandbox("POST", "/sandbox/card/faults", "{\"fault\":\"LOSE_ANSWER\",\"count\":1}");
        walk(started.at("/redirectInformation/redirectUrl"), null);
        var held = inquiry(accessId);
        assertThat(held.at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        assertThat(reconcileCredit()).isPositive();
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTH");
        jdbc.sql("UPDATE tds_flow SET updated_at = now() - interval '10 minutes' WHERE token = ?")
                .param(token(started.at("/redirectInformation/redirectUrl"))).update();
        sandbox("POST", "/sandbox/tds2/recover", null);
        assertThat(jdbc.sql("SELECT state FROM tds_flow WHERE token = ?").param(token(started.at("/redirectInformation/redirectUrl")))
                .query(String.class).single()).isEqualTo("FINISHED");
    }

    @Test
    void aReloadDuringTheChallengeGoesBackToTheAcs() {
        var started = startCharge(newOrderId(), ThreeDsTestCards.CHALLENGE, "AUTH", "");
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        page("GET", redirectUrl, null);
        String acs = location(page("POST", ThreeDsPaths.authenticate(token(redirectUrl)), "methodCompleted=Y"));
        assertThat(location(page("GET", redirectUrl, null))).isEqualTo(acs);
        assertThat(location(page("GET", ThreeDsPaths.challengeReturn(token(redirectUrl)), null))).isEqualTo(acs);
        assertThat(page("GET", "/3ds/" + "0".repeat(40), null).statusCode()).isEqualTo(404);
        assertThat(page("GET", "/3ds/not-a-token", null).statusCode()).isEqualTo(404);
    }

    /** What /credit/verifyCard (useTds2 true) will call: the core's verification flow, then /tds2/finalizeVerification. */
    @Test
    void aCardVerificationWithThreeDsThroughTheCoreApi() {
        var shop = shops.findByShopId(SHOP_ID).orElseThrow();
        String orderId = newOrderId();
        var command = verification(orderId, ThreeDsTestCards.CHALLENGE, new SecurityCode("123"), "TARO MIHON");
        var manual = threeDs.verify(shop, Channel.OPENAPI, command,
                new ThreeDsRequest(false, AllowAttempt.FOLLOW, false, false, CALLBACK, "v-1", null, null),
                Participant.none());
        assertThat(manual.redirect()).isTrue();
        assertThat(manual.transaction().order().status().name()).isEqualTo("AUTHENTICATED");
        var p = decodeP(walk(baseUrl() + ThreeDsPaths.start(manual.token()), ThreeDsTestCards.ONE_TIME_PASSWORD));
        assertThat(p).containsEntry("event", "TDS_FINISHED").containsEntry("csrfToken", "v-1");
        String accessId = manual.transaction().order().accessId();
        var inquiry = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", inquiry);
        assertThat(inquiry.at("/orderReference/amount")).as("a verification has no amount").isNull();
        var finalized = api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}");
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeVerificationResponse", finalized);
        JsonGolden.assertMatches("openapi/it/tds2-finalizeVerification-check-201.json", finalized.body(),
                Map.of("accessId", accessId, "orderId", orderId));

        var auto = threeDs.verify(shop, Channel.OPENAPI, verification(newOrderId(), CardTestCards.JCB, null, null),
                new ThreeDsRequest(false, AllowAttempt.FOLLOW, false, true, CALLBACK, null, null, null), Participant.none());
        var autoP = decodeP(walk(baseUrl() + ThreeDsPaths.start(auto.token()), null));
        assertThat(autoP).containsEntry("event", "TDS_VERIFICATION_FINISHED").doesNotContainKey("csrfToken");
        var checked = inquiry(auto.transaction().order().accessId());
        assertSchema("OrderInquiryResponseCredit", checked);
        assertThat(checked.at("/orderReference/status")).isEqualTo("CHECK");

        var skipped = threeDs.verify(shop, Channel.OPENAPI, verification(newOrderId(), ThreeDsTestCards.NOT_ENROLLED, null, null),
                new ThreeDsRequest(true, AllowAttempt.FOLLOW, false, true, CALLBACK, null, null, null), Participant.none());
        assertThat(skipped.ok()).isTrue();
        assertThat(skipped.verificationSkipped()).as("the caller verifies without 3-D Secure").isTrue();
    }

    private static final AtomicLong MEMBER_SEQ = new AtomicLong();

    private static String newMemberId() {
        return "t-" + System.nanoTime() % 1_000_000_000L + "." + MEMBER_SEQ.incrementAndGet() + "@3ds";
    }

    private static String withTds2(String body, String tds2Options) {
        return withTds2(body, CALLBACK, "csrf-v", tds2Options);
    }

    private OpenApiClient.Answer cardsOf(String memberId) {
        var answer = api.post("/member/inquiry", "{\"memberId\":\"" + memberId + "\"}");
        if (answer.status() == 200) {
            assertSchema("MemberInquiryResponse", answer);
        }
        return answer;
    }

    /** The 202 of /credit/verifyCard with 3-D Secure: as /credit/charge's, CreditVerifyCardTds2Response. */
    private static String assertVerificationRedirect(OpenApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertSchema("CreditVerifyCardTds2Response", answer);
        assertThat(answer.at("/nextAction")).isEqualTo("REDIRECT");
        assertThat(answer.at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        assertThat(answer.at("/orderReference/amount")).as("a verification has no amount").isNull();
        assertThat(answer.at("/redirectInformation/redirectType")).isEqualTo("TDS2");
        assertThat(answer.at("/redirectInformation/httpMethod")).isEqualTo("GET");
        assertThat(answer.at("/redirectInformation/redirectUrl")).matches("http://localhost:\\d+/3ds/[0-9a-f]{40}");
        return answer.at("/orderReference/accessId");
    }

    @Test
    void verifyCardWithThreeDsStoresTheCardOnlyOnceTheFinalizedVerificationSucceeded() {
        String memberId = newMemberId();
        String orderId = newOrderId();
        String body = withTds2(VaultFixtures.verify(orderId, "\"card\":" + VaultFixtures.card(ThreeDsTestCards.CHALLENGE,
                "TARO MIHON"), "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true}"),
                "\"autoAuthorization\":false");
        String key = newKey();
        var started = api.post("/credit/verifyCard", body, idempotencyKey(key));
        String accessId = assertVerificationRedirect(started);
        assertThat(api.post("/credit/verifyCard", body, idempotencyKey(key)).body()).as("replay").isEqualTo(started.body());
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        assertThat(cardsOf(memberId).status()).as("nothing stored before the verification").isNotEqualTo(200);

        var p = decodeP(walk(redirectUrl, ThreeDsTestCards.ONE_TIME_PASSWORD));
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", "TDS_FINISHED")
                .containsEntry("csrfToken", "csrf-v");
        assertThat(inquiry(accessId).at("/orderReference/status")).isEqualTo("AUTHENTICATED");
        assertThat(cardsOf(memberId).status()).as("nothing stored before the finalisation").isNotEqualTo(200);

        String finalizeKey = newKey();
        var finalized = api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}",
                idempotencyKey(finalizeKey));
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeVerificationResponse", finalized);
        assertThat(api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}",
                idempotencyKey(finalizeKey)).body()).as("the replay shows onfileCardResult too").isEqualTo(finalized.body());
        assertThat(finalized.at("/nextAction")).isEqualTo("NO_ACTION");
        assertThat(finalized.at("/orderReference/status")).isEqualTo("CHECK");
        assertThat(finalized.at("/creditResult/useTds2")).isEqualTo("true");
        assertThat(finalized.at("/onfileCardResult/memberId")).isEqualTo(memberId);
        assertThat(finalized.at("/onfileCardResult/type")).isEqualTo("CREDIT_CARD");
        assertThat(finalized.at("/onfileCardResult/cardId")).isNotNull();
        assertThat(finalized.body()).doesNotContain(ThreeDsTestCards.CHALLENGE);
        assertThat(finalized.json().propertyNames()).containsExactly("nextAction", "orderReference", "creditResult",
                "onfileCardResult", "tds2Result");
        var cards = cardsOf(memberId);
        assertThat(cards.status()).isEqualTo(200);
        assertThat(cards.json().get("onfileCards")).hasSize(1);
    }

    @Test
    void verifyCardWithThreeDsOfAStoredCardWithAutomaticAuthorisation() {
        String memberId = newMemberId();
        var stored = api.post("/credit/storeCard", VaultFixtures.storeCard(CardTestCards.VISA,
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String body = withTds2(VaultFixtures.verify(newOrderId(), "\"onfileCard\":{\"memberId\":\"" + memberId
                + "\",\"type\":\"CREDIT_CARD\",\"cardholderName\":\"HANAKO MIHON\"}", null), "");
        var started = api.post("/credit/verifyCard", body);
        String accessId = assertVerificationRedirect(started);
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        assertThat(redirectUrl).doesNotContain(CardTestCards.VISA);
        var p = decodeP(walk(redirectUrl, null));
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", "TDS_VERIFICATION_FINISHED");
        var checked = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", checked);
        assertThat(checked.at("/orderReference/status")).isEqualTo("CHECK");
        assertThat(checked.at("/tds2Result/tds2TransResult")).isEqualTo("Y");
        assertThat(cardsOf(memberId).at("/onfileCards/0/cardholderName")).as("the new holder name is stored")
                .isEqualTo("HANAKO MIHON");
        assertRefusedWithTitle(api.post("/tds2/finalizeVerification", "{\"accessId\":\"" + accessId + "\"}"),
                "invalid_status");
    }

    @Test
    void verifyCardWithThreeDsRefusesAStoreTheVaultWouldRefuseBeforeAnythingIsWritten() {
        String orderId = newOrderId();
        String body = withTds2(VaultFixtures.verify(orderId, "\"card\":" + VaultFixtures.card(CardTestCards.VISA, null),
                "{\"memberId\":\"" + newMemberId() + "\"}"), "");
        var refused = api.post("/credit/verifyCard", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(orderId).query(Long.class)
                .single()).isZero();
    }

    @Test
    void onfileChargeWithThreeDsChargesTheStoredCard() {
        String memberId = newMemberId();
        var stored = api.post("/credit/storeCard", VaultFixtures.storeCard(ThreeDsTestCards.CHALLENGE,
                "{\"memberId\":\"" + memberId + "\",\"createNewMember\":true,\"setDefault\":true}"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);

        // automatic authorisation: the challenge, then the charge before the callback
        String orderId = newOrderId();
        var started = api.post("/credit/on-file/charge", withTds2(VaultFixtures.onfileCharge(orderId, 1500, memberId, "",
                "\"useTds2\":false"), ""));
        String accessId = assertRedirect(started);
        String redirectUrl = started.at("/redirectInformation/redirectUrl");
        assertThat(started.at("/orderReference/amount")).isEqualTo("1500");
        var p = decodeP(walk(redirectUrl, ThreeDsTestCards.ONE_TIME_PASSWORD));
        assertThat(p).containsEntry("accessId", accessId).containsEntry("event", "TDS_CHARGE_FINISHED");
        var charged = inquiry(accessId);
        assertSchema("OrderInquiryResponseCredit", charged);
        assertThat(charged.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(charged.at("/tds2Result/tds2TransResult")).isEqualTo("Y");

        // without: the merchant finalises; a retry of the start answers the same 202
        String manualOrder = newOrderId();
        String body = withTds2(VaultFixtures.onfileCharge(manualOrder, 800, memberId, "\"cardholderName\":\"JIRO MIHON\"",
                "\"useTds2\":false"), "\"autoAuthorization\":false");
        var manual = api.post("/credit/on-file/charge", body);
        String manualId = assertRedirect(manual);
        walk(manual.at("/redirectInformation/redirectUrl"), ThreeDsTestCards.ONE_TIME_PASSWORD);
        assertThat(cardsOf(memberId).at("/onfileCards/0/cardholderName")).as("not before the charge").isNotEqualTo("JIRO MIHON");
        var finalized = finalizeCharge(manualId);
        assertThat(finalized.status()).as(finalized.body()).isEqualTo(201);
        assertSchema("Tds2FinalizeChargeResponse", finalized);
        assertThat(finalized.at("/orderReference/status")).isEqualTo("AUTH");
        assertThat(finalized.at("/orderReference/amount")).isEqualTo("800");
        assertThat(finalized.body()).doesNotContain(ThreeDsTestCards.CHALLENGE);
        assertThat(cardsOf(memberId).at("/onfileCards/0/cardholderName")).isEqualTo("JIRO MIHON");

        // a member without the card: the vault's refusal, nothing written
        String missing = newOrderId();
        var refused = api.post("/credit/on-file/charge", withTds2(VaultFixtures.onfileCharge(missing, 800, newMemberId(),
                "", "\"useTds2\":false"), ""));
        assertThat(refused.status()).as(refused.body()).isBetween(400, 404);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE order_id = ?").param(missing).query(Long.class)
                .single()).isZero();
    }

    private static void assertRefusedWithTitle(OpenApiClient.Answer answer, String title) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.at("/title")).isEqualTo(title);
    }
}
