package jp.kessai.reliability;

import static jp.kessai.reliability.Wire.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.kessai.processor.card.simulator.CardTestCards;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leak scan: known card numbers, security codes and prepaid approval numbers go through every path of both faces
 * (successes, declines, replays, mistakes, Basic and bearer auth, every follow-up operation); then Kessai's log, every
 * file of its data directory (database files and WAL included), a pg_dump and every answer the faces gave are searched
 * for them and for unkeyed digests of them (SHA-256, SHA-1, MD5 as hex, upper-case hex, base64, and as raw bytes in
 * files) of the number, of the code, and of number + code.
 *
 * <p>What is allowed, by design: the prepaid card number in {@code JcbPrecaBalanceInquiry}'s answer (the seed's
 * output); prepaid card numbers and approval numbers in the JCB Preca simulator's own tables, which stand in for the
 * center's books (docs/operations.md) — so those two are searched in the pg_dump without the {@code sim_*} tables'
 * data and not in the raw database files. Credit card numbers and security codes are searched everywhere.
 */
@ExtendWith(SharedNode.class)
@Order(3) // right after AuthorizationIT and RaceIT: it stops the shared node and scans everything they did on it
class LeakScanIT {

    private static final Map<String, String> CREDIT = new LinkedHashMap<>();
    private static final String PRECA_CARD = "7712345678901234";
    private static final String PRECA_APPROVAL = "Qx7Rk2";

    static {
        CREDIT.put(CardTestCards.VISA, "7391");
        CREDIT.put(CardTestCards.MASTERCARD, "8264");
        CREDIT.put(CardTestCards.JCB, "592");
        CREDIT.put(CardTestCards.AMEX, "4703");
        CREDIT.put(CardTestCards.DECLINED, "6158");
        CREDIT.put(Payment.newVisa(), "9047");
    }

    @Test
    void noCardNumberSecurityCodeOrUnkeyedDigestOfThemIsLoggedStoredOrAnswered() throws Exception {
        var node = SharedNode.node();
        Path dataDir = node.dataDir();
        int pgPort = SharedNode.pgPort();
        int answersBefore = Wire.TRANSCRIPT.size();
        Path fullDump;
        Path dumpWithoutSimulators;
        try {
            everyCreditPath(node.baseUrl());
            everyVaultAndThreeDsPath(node.baseUrl());
            everyPrecaPath(node.baseUrl());
            var ledger = SharedNode.ledger();
            fullDump = pgDump(ledger, pgPort, dataDir.resolveSibling(dataDir.getFileName() + ".dump.sql"));
            dumpWithoutSimulators = pgDump(ledger, pgPort, dataDir.resolveSibling(dataDir.getFileName() + ".nosim.dump.sql"),
                    "--exclude-table-data=public.sim_*");
        } finally {
            SharedNode.stopForScan(); // orderly: the database files are complete on disk
        }
        // every answer of this run: the other battery tests' (races, authorization, crashes) too
        List<String> answers = new ArrayList<>(Wire.TRANSCRIPT);
        assertThat(answers.size() - answersBefore).as("the paths ran").isGreaterThan(100);

        List<String> leaks = new ArrayList<>();
        Map<String, byte[]> credit = forbidden(CREDIT);
        // the cards of the battery's other tests: their numbers and digests (their 3-digit codes are not searched
        // standing alone, since those occur by chance in a log of thousands of requests; number + code digests are)
        Map<String, String> others = new LinkedHashMap<>(Payment.CARDS);
        CREDIT.keySet().forEach(others::remove);
        credit.putAll(withoutBareCodes(forbidden(others)));
        Map<String, byte[]> preca = forbidden(Map.of(PRECA_CARD, PRECA_APPROVAL));
        Scanner creditScan = new Scanner(credit);
        Scanner precaScan = new Scanner(preca);
        Scanner approvalOnly = new Scanner(forbidden(Map.of(PRECA_APPROVAL, PRECA_APPROVAL)));
        String log = node.logText();
        creditScan.scan("log", log, leaks);
        precaScan.scan("log", log, leaks);
        creditScan.scan("the database server's log", Files.readString(dataDir.resolve("postgres.log")), leaks);
        creditScan.scan("pg_dump", Files.readString(fullDump), leaks);
        precaScan.scan("pg_dump without the simulators' tables", Files.readString(dumpWithoutSimulators), leaks);
        for (String answer : answers) {
            creditScan.scan("an answer", answer, leaks);
            // the seed's JcbPrecaBalanceInquiry answers the card number itself; never the approval number
            (answer.startsWith("CardNo=") ? approvalOnly : precaScan).scan("an answer", answer, leaks);
        }
        long files = 0;
        long bytes = 0;
        Scanner binary = new Scanner(quotedCodes(credit));
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                files++;
                bytes += content.length;
                binary.scan(dataDir.relativize(file).toString(), content, leaks);
            }
        }
        Reports.figure("leak scan", CREDIT.size() + " credit cards (through charges, the vault and 3-D Secure) and 1 prepaid "
                + "card, with " + others.size() + " cards of the other shared-node tests; " + answers.size()
                + " answers of the run; scanned the log (" + log.length() + " chars), " + files + " files (" + bytes / 1024
                + " KiB) of the data directory and a pg_dump; " + credit.size() + " forbidden patterns; shared node started "
                + SharedNode.starts() + " time(s); leaks=" + leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(files).as("the database files were scanned").isGreaterThan(100);
    }

    /**
     * The vault and 3-D Secure with the known cards: a member with the card stored (card data), verified, charged on
     * file with and without 3-D Secure, its card details and inquiries, the card and member deleted; a charge and a
     * verification with 3-D Secure (the browser's pages included); a store by reference to an earlier charge; and
     * refused requests carrying the card.
     */
    private static void everyVaultAndThreeDsPath(String base) {
        int i = 0;
        for (var card : CREDIT.entrySet()) {
            boolean declined = card.getKey().equals(CardTestCards.DECLINED);
            i++;
            Payment vault = new Payment(Lifecycle.VAULT, Payment.Shop.DEMO, card.getKey(), card.getValue(), 223_450 + i);
            for (Operation op : Lifecycle.VAULT.operations()) {
                var result = op.attempt(base, vault);
                if (op.name().equals("openapi /credit/storeCard")) {
                    Wire.openapi(base, "/member/inquiry", vault.shop.basic(), VaultAndTds.member(vault), Map.of());
                    Wire.openapi(base, "/credit/getCardDetails", vault.shop.basic(), "{\"cardInformation\":{\"onfileCard\":"
                            + "{\"memberId\":\"" + vault.memberId() + "\",\"type\":\"CREDIT_CARD\"}}}", Map.of());
                    // refused with the card in the body: an invalid expiry, an invalid code, an unknown member
                    String body = VaultAndTds.storeCard(vault, "TARO MIHON");
                    Wire.openapi(base, "/credit/storeCard", vault.shop.basic(), body.replace("\"06\"", "\"13\""), Map.of());
                    Wire.openapi(base, "/credit/storeCard", vault.shop.basic(), body.replace("\"securityCode\":\"",
                            "\"securityCode\":\"x"), Map.of());
                    Wire.openapi(base, "/credit/storeCard", vault.shop.basic(), body.replace(vault.memberId(), "x" + vault.memberId()),
                            Map.of());
                }
                if (result.verdict() != Operation.Verdict.ACKED) {
                    assertThat(declined).as(op.name() + " " + result.answer().status() + " " + result.answer().body()).isTrue();
                    break;
                }
            }
            for (Lifecycle lifecycle : List.of(Lifecycle.TDS_CHARGE, Lifecycle.TDS_VERIFICATION)) {
                Payment p = new Payment(lifecycle, Payment.Shop.DEMO, card.getKey(), card.getValue(), 323_450 + i);
                for (Operation op : lifecycle.operations()) {
                    var result = op.attempt(base, p);
                    op.attempt(base, p); // a replay (a reload of the page)
                    if (result.verdict() != Operation.Verdict.ACKED) {
                        assertThat(declined).as(op.name() + " " + result.answer().status() + " " + result.answer().body()).isTrue();
                        break;
                    }
                }
                if (p.accessId != null) {
                    Wire.openapi(base, "/order/inquiry", p.shop.basic(), "{\"accessId\":\"" + p.accessId + "\"}", Map.of());
                }
            }
            // an MP token of the card: charged (and replayed), then the spent token again, then cancelled
            Payment tokenized = new Payment(Lifecycle.MP_TOKEN, Payment.Shop.DEMO, card.getKey(), card.getValue(), 623_450 + i);
            tokenized.vars.put("mpToken", MpTokens.issue(() -> base, tokenized.shop.shopId(), tokenized));
            for (Operation op : Lifecycle.MP_TOKEN.operations()) {
                var result = op.attempt(base, tokenized);
                op.attempt(base, tokenized); // a replay
                if (result.verdict() != Operation.Verdict.ACKED) {
                    assertThat(declined).as(op.name() + " " + result.answer().status() + " " + result.answer().body()).isTrue();
                    break;
                }
            }
            Wire.openapi(base, "/credit/charge", tokenized.shop.basic(), MpTokens.charge(new Payment(Lifecycle.MP_TOKEN,
                    tokenized.shop, card.getKey(), card.getValue(), 723_450 + i), 723_450 + i, tokenized.vars.get("mpToken")),
                    Map.of()); // the spent token: refused
            // a plain verification storing the card, and a store by reference to an earlier charge
            Payment verified = new Payment(Lifecycle.VAULT, Payment.Shop.DEMO, card.getKey(), card.getValue(), 423_450 + i);
            Wire.openapi(base, "/credit/verifyCard", verified.shop.basic(), VaultAndTds.verify(verified.orderId, "\"card\":"
                    + VaultAndTds.card(verified), "{\"memberId\":\"" + verified.memberId() + "\",\"createNewMember\":true}"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            Wire.openapi(base, "/credit/verifyCard", verified.shop.basic(), VaultAndTds.verify(verified.orderId + "x", "\"card\":"
                    + VaultAndTds.card(verified).replace("\"06\"", "\"00\""), null), Map.of());
            if (!declined) {
                Payment charge = new Payment(Lifecycle.CREDIT, Payment.Shop.DEMO, card.getKey(), card.getValue(), 523_450 + i);
                var charged = Wire.openapi(base, "/credit/charge", charge.shop.basic(),
                        Lifecycle.CreditCharge.body(charge, charge.amountYen), Map.of());
                assertThat(charged.status()).as(charged.body()).isEqualTo(201);
                var stored = Wire.openapi(base, "/credit/storeCard", charge.shop.basic(), "{\"merchant\":" + VaultAndTds.MERCHANT
                        + ",\"creditStoringInformation\":{\"referrer\":{\"accessId\":\"" + Lifecycle.jsonString(charged.body(),
                        "accessId") + "\"},\"onfileCardOptions\":{\"memberId\":\"" + charge.memberId()
                        + "\",\"createNewMember\":true,\"setDefault\":true}}}", Map.of());
                assertThat(stored.status()).as(stored.body()).isEqualTo(201);
                Wire.openapi(base, "/credit/getCardDetails", charge.shop.basic(), "{\"cardInformation\":{\"onfileCard\":"
                        + "{\"memberId\":\"" + charge.memberId() + "\",\"type\":\"CREDIT_CARD\"}}}", Map.of());
            }
        }
    }

    private static void everyCreditPath(String base) {
        var shop = Payment.Shop.DEMO;
        var token = Wire.form(base, "/token", shop.basic(), "grant_type=client_credentials&scope=openapi");
        String bearer = "Bearer " + Lifecycle.jsonString(token.body(), "access_token");
        int i = 0;
        for (var card : CREDIT.entrySet()) {
            // six-digit amounts: no amount can read like one of the short codes
            Payment p = new Payment(Lifecycle.CREDIT, shop, card.getKey(), card.getValue(), 123_450 + i);
            String authorization = i++ % 2 == 0 ? shop.basic() : bearer;
            String key = UUID.randomUUID().toString();
            String body = Lifecycle.CreditCharge.body(p, p.amountYen);
            var first = Wire.openapi(base, "/credit/charge", authorization, body, Map.of("Idempotency-Key", key));
            assertThat(first.status()).as(first.body()).isIn(201, 402);
            Wire.openapi(base, "/credit/charge", authorization, body, Map.of("Idempotency-Key", key)); // replay
            Wire.openapi(base, "/credit/charge", authorization, body.replace("\"amount\":\"", "\"amount\":\"9"),
                    Map.of("Idempotency-Key", key)); // the key with another body
            Wire.openapi(base, "/credit/charge", authorization, body.replace("\"expiryMonth\":\"06\"", "\"expiryMonth\":\"13\""),
                    Map.of()); // invalid
            Wire.openapi(base, "/credit/charge", authorization, body.replace("\"securityCode\":\"", "\"securityCode\":\"x"),
                    Map.of()); // invalid code
            Wire.openapi(base, "/credit/charge", authorization, body.replace(p.cardNo, p.cardNo + "9"), Map.of());
            Wire.openapi(base, "/credit/charge", authorization, body.substring(0, body.length() / 2), Map.of()); // broken JSON
            Wire.openapi(base, "/credit/charge", authorization, body, Map.of()); // the same order again: refused
            if (first.status() == 201) {
                p.accessId = Lifecycle.jsonString(first.body(), "accessId");
                for (Operation op : Lifecycle.CREDIT.operations().subList(1, Lifecycle.CREDIT.operations().size())) {
                    assertThat(op.attempt(base, p).verdict()).isEqualTo(Operation.Verdict.ACKED);
                    Wire.openapi(base, "/order/inquiry", authorization, "{\"accessId\":\"" + p.accessId + "\"}", Map.of());
                }
            }
        }
    }

    private static void everyPrecaPath(String base) {
        assertThat(Wire.json(base, "POST", "/sandbox/jcb-preca/cards", "{\"cardNo\":\"" + PRECA_CARD + "\",\"approvalNo\":\""
                + PRECA_APPROVAL + "\",\"balance\":100000}").status()).isEqualTo(201);
        var shop = params("ShopID", Payment.Shop.DEMO.shopId(), "ShopPass", Payment.Shop.DEMO.shopPass());
        for (String approval : List.of("0000", PRECA_APPROVAL)) { // a decline first, then the payment
            String orderId = "leak-" + UUID.randomUUID().toString().substring(0, 18);
            var entry = Wire.idpass(base, "EntryTranJcbPreca", merged(shop, params("OrderID", orderId, "Amount", "500")));
            var order = params("AccessID", entry.field("AccessID"), "AccessPass", entry.field("AccessPass"), "OrderID", orderId);
            var card = params("CardNo", PRECA_CARD, "ApprovalNo", approval);
            Wire.idpass(base, "ExecTranJcbPreca", merged(shop, order, card));
            Wire.idpass(base, "ExecTranJcbPreca", merged(shop, order, card)); // again
            Wire.idpass(base, "ExecTranJcbPreca", merged(shop, order, params("CardNo", PRECA_CARD + "x", "ApprovalNo", approval)));
            Wire.idpass(base, "SearchTradeMulti", merged(shop, params("OrderID", orderId, "PayType", "14")));
            Wire.idpass(base, "JcbPrecaCancel", merged(shop, order));
        }
        Wire.idpass(base, "JcbPrecaBalanceInquiry", merged(shop, params("CardNo", PRECA_CARD, "ApprovalNo", PRECA_APPROVAL)));
        Wire.idpass(base, "JcbPrecaBalanceInquiry", merged(shop, params("CardNo", PRECA_CARD, "ApprovalNo", "9999")));
    }

    /** Each secret pair (number, code): the values and their unkeyed digests, as text forms and as raw bytes. */
    static Map<String, byte[]> forbidden(Map<String, String> pairs) {
        Map<String, byte[]> patterns = new LinkedHashMap<>();
        pairs.forEach((number, code) -> {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("number " + number, number);
            sources.put("code " + code, code);
            sources.put("number+code " + number, number + code);
            sources.forEach((what, value) -> {
                patterns.put(what, value.getBytes(StandardCharsets.UTF_8));
                for (String algorithm : List.of("SHA-256", "SHA-1", "MD5")) {
                    byte[] digest = digest(algorithm, value);
                    patterns.put(algorithm + " raw of " + what, digest);
                    patterns.put(algorithm + " hex of " + what, HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
                    patterns.put(algorithm + " HEX of " + what,
                            HexFormat.of().withUpperCase().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
                    patterns.put(algorithm + " base64 of " + what, Base64.getEncoder().withoutPadding().encodeToString(digest)
                            .getBytes(StandardCharsets.US_ASCII));
                    patterns.put(algorithm + " base64url of " + what, Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(digest).getBytes(StandardCharsets.US_ASCII));
                }
            });
        });
        return patterns;
    }

    private static Map<String, byte[]> withoutBareCodes(Map<String, byte[]> patterns) {
        Map<String, byte[]> kept = new LinkedHashMap<>(patterns);
        kept.keySet().removeIf(what -> what.startsWith("code "));
        return kept;
    }

    /**
     * Searches many patterns at once: those of 8 bytes or more by a hash of their first 8 bytes (one lookup per byte
     * of the content, whatever their number: thousands of patterns over tens of megabytes), the short ones (bare
     * and quoted codes) one by one with {@link #scanBytes}.
     */
    static final class Scanner {
        private final Map<Long, List<Map.Entry<String, byte[]>>> long8 = new java.util.HashMap<>();
        private final Map<String, byte[]> shortOnes = new LinkedHashMap<>();

        Scanner(Map<String, byte[]> patterns) {
            patterns.forEach((what, needle) -> {
                if (needle.length >= 8 && !what.startsWith("code ")) {
                    long8.computeIfAbsent(prefix(needle, 0), k -> new ArrayList<>()).add(Map.entry(what, needle));
                } else {
                    shortOnes.put(what, needle);
                }
            });
        }

        void scan(String where, String text, List<String> leaks) {
            scan(where, text.getBytes(StandardCharsets.UTF_8), leaks);
        }

        void scan(String where, byte[] content, List<String> leaks) {
            java.util.Set<String> found = new java.util.HashSet<>();
            if (!long8.isEmpty()) {
                for (int at = 0; at + 8 <= content.length; at++) {
                    var candidates = long8.get(prefix(content, at));
                    if (candidates == null) {
                        continue;
                    }
                    for (var candidate : candidates) {
                        byte[] needle = candidate.getValue();
                        if (at + needle.length <= content.length && java.util.Arrays.equals(content, at, at + needle.length,
                                needle, 0, needle.length) && found.add(candidate.getKey())) {
                            leaks.add(candidate.getKey() + " in " + where + " at byte " + at);
                        }
                    }
                }
            }
            scanBytes(where, content, shortOnes, leaks);
        }

        private static long prefix(byte[] bytes, int at) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (bytes[at + i] & 0xff);
            }
            return value;
        }
    }

    /**
     * For binary files (heap, index and WAL pages), a 3-4 digit code is searched as a JSON string ({@code "7391"}):
     * as three or four bare bytes it occurs by chance in tens of megabytes of binary data.
     */
    private static Map<String, byte[]> quotedCodes(Map<String, byte[]> patterns) {
        Map<String, byte[]> quoted = new LinkedHashMap<>(patterns);
        patterns.forEach((what, needle) -> {
            if (what.startsWith("code ")) {
                quoted.put(what, ("\"" + new String(needle, StandardCharsets.US_ASCII) + "\"").getBytes(StandardCharsets.US_ASCII));
            }
        });
        return quoted;
    }

    /**
     * In text, a short code (3-4 digits, or a 6-character approval number) counts only standing alone — not inside a
     * run of letters and digits, nor as a part of a decimal or a time ({@code 21.592}, {@code 12:59}), where it occurs
     * by chance; everything else counts anywhere.
     */
    static void scanBytes(String where, byte[] content, Map<String, byte[]> patterns, List<String> leaks) {
        patterns.forEach((what, needle) -> {
            boolean shortCode = what.startsWith("code ") && needle[0] != '"';
            for (int at = indexOf(content, needle, 0); at >= 0; at = indexOf(content, needle, at + 1)) {
                if (!shortCode || (!joined(content, at - 1, "+-") && !joined(content, at + needle.length, ""))) {
                    leaks.add(what + " in " + where + " at byte " + at);
                    return;
                }
            }
        });
    }

    /** Whether the byte at {@code at} continues a token: a letter, a digit, '.', ':' or one of {@code more}. */
    private static boolean joined(byte[] content, int at, String more) {
        if (at < 0 || at >= content.length) {
            return false;
        }
        byte b = content[at];
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '.' || b == ':'
                || more.indexOf(b) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] digest(String algorithm, String value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static Map<String, String> merged(Map<String, String>... maps) {
        Map<String, String> all = new LinkedHashMap<>();
        for (var m : maps) {
            all.putAll(m);
        }
        return all;
    }

    /** The embedded binaries have no pg_dump: Debian's (PostgreSQL 15 dumps the embedded 14). */
    static Path pgDump(Ledger ledger, int port, Path target, String... options) throws IOException, InterruptedException {
        Path pgDump = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
        assertThat(pgDump).as("Debian's postgresql-15 (see README, .ci/run)").isExecutable();
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", ledger.user(), "-f", target.toString()));
        command.addAll(List.of(options));
        command.add("postgres");
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", ledger.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.readString(target)).contains("COPY public.payment_order");
        return target;
    }

}
