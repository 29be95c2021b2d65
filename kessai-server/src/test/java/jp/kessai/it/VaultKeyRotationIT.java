package jp.kessai.it;

import static jp.kessai.it.VaultFixtures.onfileCharge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kessai.core.credit.CreditOnfileCharge;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.CardSelector;
import jp.kessai.core.vault.StoreOptions;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultKeyRotation;
import jp.kessai.core.vault.VaultKeys;
import jp.kessai.platform.secret.CardNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Key rotation without downtime: 5,000 stored cards are re-sealed under a new data key by the admin API's background
 * run while on-file charges keep running; a run left by a node that died is taken over and finished; afterwards every
 * one of the 5,000 cards still charges. A ciphertext moved to another row does not open (its AAD names its row).
 */
class VaultKeyRotationIT extends OpenApiIntegrationTest {

    private static final int MEMBERS = 1000;
    private static final int CARDS_PER_MEMBER = 5;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private Vault vault;
    @Autowired
    private VaultKeys keys;
    @Autowired
    private VaultKeyRotation rotation;
    @Autowired
    private CreditOnfileCharge onfileCharge;
    @Autowired
    private ShopDirectory shops;

    @Test
    void rotatesFiveThousandCardsWhileChargesRunAndEveryCardStillCharges() throws Exception {
        Shop shop = shops.findByShopId(SHOP_ID).orElseThrow();
        String prefix = "rot-" + System.nanoTime() % 1_000_000L + "-";
        List<String> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(prefix + m);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> stored = new ArrayList<>();
            for (String memberId : members) {
                stored.add(pool.submit(() -> {
                    for (int c = 0; c < CARDS_PER_MEMBER; c++) {
                        var outcome = vault.store(shop, new CardData(new CardNumber(pan(memberId, c)), "12", "2034",
                                "ROTATION TEST"), new StoreOptions(memberId, null, null, true, c == 0, null),
                                Participant.none());
                        assertThat(outcome.ok()).as(outcome.code().name()).isTrue();
                    }
                }));
            }
            for (Future<?> f : stored) {
                f.get();
            }
        }
        int before = keys.activeKeyId(ShopMode.TEST);

        // on-file charges over HTTP, before, during and after the rotation
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger charged = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService chargers = Executors.newFixedThreadPool(3)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                running.add(chargers.submit(() -> {
                    while (!stop.get()) {
                        String memberId = members.get(ThreadLocalRandom.current().nextInt(MEMBERS));
                        var answer = api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, memberId,
                                "\"index\":\"" + ThreadLocalRandom.current().nextInt(CARDS_PER_MEMBER) + "\"", ""));
                        if (answer.status() == 201) {
                            charged.incrementAndGet();
                        } else {
                            failures.add(answer.body());
                        }
                    }
                }));
            }
            Thread.sleep(300);
            var started = admin("POST", "/admin/keys/rotate?mode=TEST");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long runId = Long.parseLong(started.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            int target = keys.activeKeyId(ShopMode.TEST);
            assertThat(target).isNotEqualTo(before);
            // new writes use the new key at once
            var fresh = vault.store(shop, new CardData(new CardNumber("4111111111111111"), "01", "2035", null),
                    new StoreOptions(prefix + "fresh", null, null, true, false, null), Participant.none());
            assertThat(fresh.ok()).isTrue();
            assertThat(jdbc.sql("SELECT c.key_id FROM vault_card c JOIN vault_member m ON m.id = c.member_pk WHERE m.member_id = ?")
                    .param(prefix + "fresh").query(Integer.class).single()).isEqualTo(target);
            int chargedAtStart = charged.get();
            awaitDone(runId);
            assertThat(charged.get()).as("charges ran during the rotation").isGreaterThan(chargedAtStart);
            Thread.sleep(200);
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(failures).as("every charge during the rotation succeeded").isEmpty();
            assertThat(charged.get()).isGreaterThan(0);
            assertThat(underOtherKeys(target)).isZero();
            String status = admin("GET", "/admin/keys/rotations/" + runId).body();
            assertThat(status).contains("\"state\":\"DONE\"").contains("\"rowsRemaining\":0");
        }

        // a run whose node died half-way (its lease expired) is taken over and finished
        int abandonedTarget = keys.rotate(ShopMode.TEST);
        jdbc.sql("""
                INSERT INTO vault_rotation (mode, target_key_id, state, rows_resealed, lease_owner, lease_until, started_at)
                VALUES ('TEST', ?, 'RUNNING', 1234, 'node-that-died', now() - interval '1 minute', now())""")
                .param(abandonedTarget).update();
        long abandoned = jdbc.sql("SELECT max(id) FROM vault_rotation").query(Long.class).single();
        assertThat(underOtherKeys(abandonedTarget)).isGreaterThanOrEqualTo(MEMBERS * CARDS_PER_MEMBER);
        rotation.resumeAbandoned();
        awaitDone(abandoned);
        assertThat(underOtherKeys(abandonedTarget)).isZero();

        // every card still charges (the one pipeline, through the core)
        AtomicInteger approved = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> all = new ArrayList<>();
            for (String memberId : members) {
                all.add(pool.submit(() -> {
                    for (int c = 0; c < CARDS_PER_MEMBER; c++) {
                        var outcome = chargeCard(shop, memberId, c);
                        if (outcome.code() == jp.kessai.core.ResultCode.PROCESSOR_OUTCOME_UNKNOWN) {
                            // the acquirer's deadline passed on a loaded machine: the card was read and sent; again
                            outcome = chargeCard(shop, memberId, c);
                        }
                        assertThat(outcome.ok()).as(memberId + "/" + outcome.code()).isTrue();
                        assertThat(outcome.transaction().order().cardNoMasked()).endsWith(pan(memberId, 0 + c).substring(12));
                        approved.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        assertThat(approved.get()).isEqualTo(MEMBERS * CARDS_PER_MEMBER);
    }

    private jp.kessai.core.credit.CreditOutcome chargeCard(Shop shop, String memberId, int cardId) {
        return onfileCharge.charge(shop, Channel.OPENAPI, new CreditOnfileCharge.Command(newOrderId(), 100,
                ClientFields.NONE, memberId, new CardSelector(cardId, null), null, false, CreditPaymentMethod.ONE_TIME,
                null, "0000990", "1.6.2", "{}"), Participant.none());
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        Shop shop = shops.findByShopId(SHOP_ID).orElseThrow();
        String a = "aad-a-" + System.nanoTime();
        String b = "aad-b-" + System.nanoTime();
        for (String memberId : List.of(a, b)) {
            assertThat(vault.store(shop, new CardData(new CardNumber(memberId.startsWith("aad-a") ? "4111111111111111"
                    : "5555555555554444"), "12", "2034", null), new StoreOptions(memberId, null, null, true, true, null),
                    Participant.none()).ok()).isTrue();
        }
        String select = "SELECT c.card_no_enc FROM vault_card c JOIN vault_member m ON m.id = c.member_pk WHERE m.member_id = ?";
        byte[] original = jdbc.sql(select).param(b).query(byte[].class).single();
        byte[] moved = jdbc.sql(select).param(a).query(byte[].class).single();
        String update = "UPDATE vault_card SET card_no_enc = ? WHERE member_pk = (SELECT id FROM vault_member WHERE member_id = ?)";
        jdbc.sql(update).params(moved, b).update();
        try {
            var answer = api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, b, "", ""));
            assertThat(answer.status()).as(answer.body()).isEqualTo(500);
            assertThat(answer.at("/title")).isEqualTo("internal_server_error");
            assertThat(answer.body()).doesNotContain("4111111111111111");
        } finally {
            jdbc.sql(update).params(original, b).update();
        }
        assertThat(api.post("/credit/on-file/charge", onfileCharge(newOrderId(), 100, b, "", "")).status()).isEqualTo(201);
    }

    /** A distinct card number per member and card, with its Luhn check digit (charges refuse numbers without one). */
    private static String pan(String memberId, int card) {
        long n = Math.abs((long) memberId.hashCode()) % 100_000_000L;
        String body = "41" + String.format("%08d", n) + String.format("%02d", card) + "999";
        int sum = 0;
        for (int i = 0; i < body.length(); i++) { // from the right, every second digit (starting next to the check) doubled
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private long underOtherKeys(int keyId) {
        return jdbc.sql("""
                SELECT count(*) FROM vault_card c JOIN vault_member m ON m.id = c.member_pk JOIN shop s ON s.id = m.shop_pk
                 WHERE s.mode = 'TEST' AND c.key_id <> ?""").param(keyId).query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM credit_order WHERE card_key_id IS NOT NULL AND card_key_id <> ?")
                .param(keyId).query(Long.class).single();
    }

    private void awaitDone(long runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String state = jdbc.sql("SELECT state FROM vault_rotation WHERE id = ?").param(runId).query(String.class).single();
            if ("DONE".equals(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rotation " + runId + " did not finish");
    }

    private HttpResponse<String> admin(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
