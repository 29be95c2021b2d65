package jp.kessai.reliability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One payment the battery drives through its lifecycle. Everything a merchant would keep to retry is fixed here — the
 * OrderID, the card, the amounts, one Idempotency-Key per operation — so every retry, by any client, is the same
 * request. What each operation's clients were told is kept per operation.
 */
final class Payment {

    /** Amounts are unique within a run, so an amount names one payment in the simulators' books. */
    private static final AtomicLong AMOUNTS = new AtomicLong(1000);
    private static final AtomicLong SEQ = new AtomicLong();
    /** The last four digits of the next card: unique within a run, so a card's last four name it in the books. */
    private static final AtomicLong LAST4 = new AtomicLong(ThreadLocalRandom.current().nextInt(10_000));
    /** Every card number and security code the battery sent in this run, for the leak scan. */
    static final Map<String, String> CARDS = new ConcurrentHashMap<>();

    final Lifecycle lifecycle;
    final Shop shop;
    final String orderId;
    final long amountYen;
    final long changedAmountYen;
    final String cardNo;
    final String securityCode;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    volatile String accessId;
    volatile String accessPass;
    /** What later operations need from earlier answers (another order's accessId, a 3-D Secure redirectUrl …). */
    final Map<String, String> vars = new ConcurrentHashMap<>();
    /** Success bodies each operation's clients received (openapi: must all be byte-identical). */
    final Map<String, List<String>> acked = new ConcurrentHashMap<>();
    /** Operations some client saw done (its own success, or the face saying it was done already). */
    final Set<String> done = ConcurrentHashMap.newKeySet();
    /**
     * Where the driver stands with this payment (the operation, since when, the last answer a client got), or null once
     * it is through: what a run that does not finish in time reports.
     */
    volatile String progress;

    record Shop(String shopId, String shopPass) {
        static final Shop DEMO = new Shop("tshop00000001", "kessai01");

        String basic() {
            return Wire.basic(shopId, shopPass);
        }
    }

    Payment(Lifecycle lifecycle, Shop shop, String cardNo, String securityCode) {
        this(lifecycle, shop, cardNo, securityCode, AMOUNTS.getAndIncrement());
    }

    Payment(Lifecycle lifecycle, Shop shop, String cardNo, String securityCode, long amountYen) {
        this.lifecycle = lifecycle;
        this.shop = shop;
        this.orderId = "bat-" + lifecycle.code() + "-" + SEQ.incrementAndGet() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        this.amountYen = amountYen;
        this.changedAmountYen = amountYen + 100_000;
        this.cardNo = cardNo;
        this.securityCode = securityCode;
        if (cardNo != null && lifecycle != Lifecycle.JCB_PRECA) {
            CARDS.put(cardNo, securityCode);
        }
    }

    /** The vault's member of this payment (memberId: up to 60 letters, digits and {@code -_.@}). */
    String memberId() {
        return "m-" + orderId;
    }

    String key(String operation) {
        return keys.computeIfAbsent(operation, o -> UUID.randomUUID().toString());
    }

    void acked(String operation, String body) {
        acked.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add(body);
        done.add(operation);
    }

    /**
     * A random Luhn-valid 16-digit Visa number whose last four digits no other card of this run has (the acquirer's
     * and the 3DS server's books keep the last four only: with them a card verification, which has no amount, is
     * named; a charge by them and its run-unique amount). The twelfth digit makes the Luhn sum.
     */
    static String newVisa() {
        var random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 11) {
            digits.append(random.nextInt(10));
        }
        String last4 = String.format("%04d", LAST4.getAndIncrement() % 10_000);
        for (int d = 0; d < 10; d++) {
            String candidate = digits.toString() + d + last4;
            if (luhnValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn digit"); // cannot happen: doubling permutes the digits
    }

    static boolean luhnValid(String number) {
        return luhnCheckDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1);
    }

    static char luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    @Override
    public String toString() {
        return lifecycle.code() + " " + orderId + " (amount " + amountYen + ")";
    }
}
