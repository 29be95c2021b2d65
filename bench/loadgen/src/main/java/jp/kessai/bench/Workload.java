package jp.kessai.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One workload operation, the same bytes whichever server (Kessai, WireMock, hello) is the target, on behalf of one
 * shop (the caller says which: a connection keeps its shop in closed loop, operations take the shops in turn in open
 * loop).
 * W1: openapi POST /credit/charge (CAPTURE, no 3-D Secure, direct card, unique orderId and Idempotency-Key, Basic auth).
 * W2: idpass EntryTranJcbPreca + ExecTranJcbPreca (one operation = the pair = 2 HTTP requests).
 * W3: openapi POST /order/inquiry by accessId of orders charged before the measurement, or of orders preloaded with
 * SQL (scale phase).
 */
abstract class Workload {

    static final String SHOP_ID = "tshop00000001";
    static final String SHOP_PASS = "kessai01";
    static final String BASIC = Shop.DEMO.basic();

    /** A shop's credentials, as the harness created it (POST /sandbox/shops) or the sandbox's demo shop. */
    record Shop(String id, String pass) {
        static final Shop DEMO = new Shop(SHOP_ID, SHOP_PASS);

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((id + ":" + pass).getBytes(StandardCharsets.US_ASCII));
        }

        String form() {
            return "ShopID=" + id + "&ShopPass=" + pass;
        }
    }
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** Why an operation failed: an HTTP status, or a body that is not the expected success answer. */
    static final class Failure extends Exception {
        final String reason;

        Failure(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    final URI base;
    private final String runId;
    private final AtomicLong seq = new AtomicLong();

    Workload(URI base) {
        this.base = base;
        // order ids: at most 27 characters, unique across runs on the same database
        this.runId = Long.toString(System.currentTimeMillis() % 100_000_000_000L, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
    }

    abstract String name();

    int httpPerOp() {
        return 1;
    }

    /** Runs one operation for the shop; throws Failure when the answer is not a success. */
    abstract void run(Http http, Shop shop) throws IOException, Failure;

    /** Before the phases: whatever the operations need, for each of the shops that will run them. */
    void prepare(Http http, List<Shop> shops) throws IOException, Failure {
    }

    String nextOrderId(String prefix) {
        return prefix + runId + "-" + seq.incrementAndGet();
    }

    static Http.Response expect(Http.Response r, int status) throws Failure {
        if (r.status() != status) {
            throw new Failure("HTTP " + r.status());
        }
        return r;
    }

    static Workload of(String name, URI base, int cards) {
        return of(name, base, cards, 0);
    }

    /** {@code preloaded} > 0: W3 looks up the orders the scale phase preloaded with SQL instead of charging its own. */
    static Workload of(String name, URI base, int cards, long preloaded) {
        return switch (name) {
            case "W1" -> new W1(base);
            case "W2" -> new W2(base, cards);
            case "W3" -> new W3(base, preloaded);
            case "HELLO" -> new Hello(base);
            default -> throw new IllegalArgumentException("workload " + name);
        };
    }

    static String chargeBody(String orderId) {
        return """
                {"merchant":{"name":"Sample Store","nameKana":"サンプルストア","nameAlphabet":"Sample Store",\
                "nameShort":"Sample","contactName":"Support","contactEmail":"support@example.com",\
                "contactPhone":"0120-123-456","contactOpeningHours":"10:00-18:00"},\
                "order":{"orderId":"%s","amount":"1000","currency":"JPY","transactionType":"CIT"},\
                "payer":{"name":"TARO MIHON","email":"taro.mihon@example.com"},\
                "creditInformation":{"card":{"cardNumber":"4111111111111111","expiryMonth":"06","expiryYear":"2033",\
                "securityCode":"123","cardholderName":"TARO MIHON"},\
                "creditChargeOptions":{"authorizationMode":"CAPTURE","useTds2":false}}}""".formatted(orderId);
    }

    static final class W1 extends Workload {
        W1(URI base) {
            super(base);
        }

        @Override
        String name() {
            return "W1";
        }

        Http.Response charge(Http http, Shop shop) throws IOException, Failure {
            String orderId = nextOrderId("w1");
            byte[] req = Http.request(base, "/credit/charge", JSON,
                    Map.of("Authorization", shop.basic(), "Idempotency-Key", "idem-" + orderId),
                    chargeBody(orderId).getBytes(StandardCharsets.UTF_8));
            Http.Response r = expect(http.send(req), 201);
            if (!r.text().contains("\"status\":\"CAPTURE\"")) {
                throw new Failure("not CAPTURE");
            }
            return r;
        }

        @Override
        void run(Http http, Shop shop) throws IOException, Failure {
            charge(http, shop);
        }
    }

    static final class W2 extends Workload {
        private final int cards;
        private final AtomicLong card = new AtomicLong();

        W2(URI base, int cards) {
            super(base);
            this.cards = cards;
        }

        @Override
        String name() {
            return "W2";
        }

        @Override
        int httpPerOp() {
            return 2;
        }

        static String cardNo(int i) {
            return "88800000" + String.format("%08d", i);
        }

        @Override
        void run(Http http, Shop shop) throws IOException, Failure {
            String orderId = nextOrderId("w2");
            byte[] entry = Http.request(base, "/payment/EntryTranJcbPreca.idPass", FORM, Map.of(),
                    (shop.form() + "&OrderID=" + orderId + "&Amount=1&Tax=0").getBytes(StandardCharsets.US_ASCII));
            String e = expect(http.send(entry), 200).text();
            String accessId = field(e, "AccessID");
            String accessPass = field(e, "AccessPass");
            if (accessId == null || accessPass == null) {
                throw new Failure("Entry: " + errCode(e));
            }
            String cardNo = cardNo((int) (card.getAndIncrement() % cards));
            byte[] exec = Http.request(base, "/payment/ExecTranJcbPreca.idPass", FORM, Map.of(),
                    (shop.form() + "&AccessID=" + accessId + "&AccessPass=" + accessPass + "&OrderID=" + orderId
                            + "&CardNo=" + cardNo + "&ApprovalNo=1234").getBytes(StandardCharsets.US_ASCII));
            String x = expect(http.send(exec), 200).text();
            if (!x.contains("Status=SALES")) {
                throw new Failure("Exec: " + errCode(x));
            }
        }

        static String errCode(String body) {
            String code = field(body, "ErrInfo");
            return code == null ? "unexpected answer" : code;
        }

        static String field(String body, String name) {
            for (String kv : body.split("&")) {
                if (kv.startsWith(name + "=")) {
                    return kv.substring(name.length() + 1);
                }
            }
            return null;
        }
    }

    static final class W3 extends Workload {
        /** Orders charged for the lookups, spread over the shops. */
        static final int ORDERS = 200;

        private final long preloaded;
        private final Map<Shop, List<String>> accessIds = new ConcurrentHashMap<>();
        private final Map<Shop, Integer> shopIndex = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();

        W3(URI base, long preloaded) {
            super(base);
            this.preloaded = preloaded;
        }

        @Override
        String name() {
            return "W3";
        }

        /**
         * Charges 200 orders (through W1) to look up, in turn for each shop. With preloaded orders there is nothing
         * to charge: the accessIds are known (see {@link #preloadedAccessId}).
         */
        @Override
        void prepare(Http http, List<Shop> shops) throws IOException, Failure {
            for (int i = 0; i < shops.size(); i++) {
                shopIndex.put(shops.get(i), i);
            }
            if (preloaded > 0) {
                return;
            }
            W1 w1 = new W1(base);
            for (int i = 0; i < Math.max(ORDERS, shops.size()); i++) {
                Shop shop = shops.get(i % shops.size());
                String body = w1.charge(http, shop).text();
                int at = body.indexOf("\"accessId\":\"");
                accessIds.computeIfAbsent(shop, k -> new ArrayList<>()).add(body.substring(at + 12, body.indexOf('"', at + 12)));
            }
        }

        @Override
        void run(Http http, Shop shop) throws IOException, Failure {
            String accessId;
            if (preloaded > 0) {
                accessId = preloadedAccessId(shopIndex.get(shop), shopIndex.size(), preloaded);
            } else {
                List<String> own = accessIds.get(shop);
                accessId = own.get((int) (next.getAndIncrement() % own.size()));
            }
            byte[] req = Http.request(base, "/order/inquiry", JSON, Map.of("Authorization", shop.basic()),
                    ("{\"accessId\":\"" + accessId + "\"}").getBytes(StandardCharsets.US_ASCII));
            expect(http.send(req), 200);
        }

        /**
         * A random preloaded order of the shop: bench/preload.sql gives order g the accessId md5('pre' || g) and the
         * shop at index g % shops in ShopID order, which is the order of the harness's shop list.
         */
        static String preloadedAccessId(int shop, int shops, long preloaded) {
            long k = 1 + ThreadLocalRandom.current().nextLong(Math.max(1, preloaded / shops - 1));
            return md5Hex("pre" + (shop + shops * k));
        }

        static String md5Hex(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest(text.getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Hello extends Workload {
        Hello(URI base) {
            super(base);
        }

        @Override
        String name() {
            return "HELLO";
        }

        @Override
        void run(Http http, Shop shop) throws IOException, Failure {
            expect(http.send(Http.request(base, "/hello", "text/plain", Map.of(), new byte[0])), 200);
        }
    }
}
