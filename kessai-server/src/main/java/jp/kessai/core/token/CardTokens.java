package jp.kessai.core.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jp.kessai.core.ResultCode;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.token.internal.CardTokenRows;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import jp.kessai.platform.text.StorableText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MP tokens (MPクレカトークン): short-lived, single-use stand-ins for card data, issued from card data the browser
 * encrypted with the shop's public key ({@link TokenKeys}) and redeemed by the faces that charge, verify or store a
 * card.
 *
 * <p><b>Lifetime and reuse.</b> A token lives {@link #LIFETIME} (30 minutes, as GMO-PG's tokens) on the core clock, so
 * the sandbox clock expires it too. {@link #forUse} opens it and hands back a {@link TokenSpend}: the operation that
 * uses the card spends the token in its claim transaction, whatever it then does with the card (a declined charge does
 * not give the token back); a request refused or cut off before its claim leaves it usable, and so does, for the
 * retry of the same order only, a claim whose processor call was never answered. The card details inquiry
 * {@linkplain #read reads} a token without spending it.
 *
 * <p><b>At rest.</b> The token is 48 random bytes (64 base64 characters) and is not stored. Its row is found by
 * HMAC-SHA-256(master-derived key, "card-token-id:" + token); its card data (number, expiry, holder, security code) is
 * sealed with AES-256-GCM under HMAC-SHA-256(master-derived key, "card-token-key:" + token), bound to the shop and row
 * by the additional data. A database copy without the token opens nothing. The sealed data is erased when the token is
 * spent (or, for an order's call, when the processor answers it) and by the purge once it expires; the security code
 * thus lives, encrypted, at most as long as the token.
 */
@Service
public class CardTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int TOKEN_BYTES = 48;
    private static final int IV_BYTES = 12;

    /** What a token request came to. */
    public sealed interface Issuance {
        record Issued(List<String> tokens, String maskedCardNumber, Instant expiresAt, boolean securityCodeSet)
                implements Issuance {
            @Override
            public String toString() {
                return "Issued[" + tokens.size() + " tokens, " + maskedCardNumber + "]";
            }
        }

        record Refused(List<TokenError> errors) implements Issuance {}
    }

    /** What reading a token came to. */
    public sealed interface Redemption {
        /** The card behind the token, and what spends the token in the claim of the operation that uses it. */
        record Redeemed(TokenCard card, TokenSpend spend) implements Redemption {}

        /** Not a token of this shop (never issued, issued to another shop, or purged). */
        record Unknown() implements Redemption {}

        record AlreadyUsed() implements Redemption {}

        record Expired() implements Redemption {}
    }

    private final TokenKeys keys;
    private final CardTokenRows rows;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    public CardTokens(TokenKeys keys, CardTokenRows rows, FieldCipher cipher, JsonMapper json, Clock clock,
            TransactionTemplate tx) {
        this.keys = keys;
        this.rows = rows;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Issues {@code createCount} tokens (1 to 10; null = 1) for the card data in {@code encryptedData}: base64 of
     * RSA-OAEP(SHA-256) of the JSON {@code {"card":{"cardNumber","expiryMonth","expiryYear","securityCode",
     * "cardholderName"}}} under the public key of the shop that {@code apiKey} names.
     */
    public Issuance issue(String apiKey, String encryptedData, String createCount) {
        List<TokenError> errors = new ArrayList<>();
        int count = count(createCount, errors);
        if (encryptedData == null || encryptedData.isEmpty()) {
            errors.add(TokenError.ENCRYPTED_DATA_MISSING);
        }
        if (apiKey == null || apiKey.isEmpty()) {
            errors.add(TokenError.API_KEY_MISSING);
        }
        if (!errors.isEmpty()) {
            return new Issuance.Refused(errors);
        }
        if (!StorableText.storable(apiKey) || apiKey.length() > 128) {
            return new Issuance.Refused(List.of(TokenError.API_KEY_UNKNOWN));
        }
        return switch (keys.open(apiKey, encryptedData)) {
            case TokenKeys.Opened.UnknownApiKey u -> new Issuance.Refused(List.of(TokenError.API_KEY_UNKNOWN));
            case TokenKeys.Opened.Undecryptable u -> new Issuance.Refused(List.of(TokenError.UNDECRYPTABLE));
            case TokenKeys.Opened.Plaintext plain -> issue(plain.shopPk(), plain.bytes(), count);
        };
    }

    private Issuance issue(long shopPk, byte[] plaintext, int count) {
        JsonNode card;
        try {
            JsonNode root = json.readTree(plaintext);
            card = root == null ? null : root.get("card");
        } catch (JacksonException e) {
            card = null;
        }
        if (card == null || !card.isObject()) {
            return new Issuance.Refused(List.of(TokenError.DECRYPTED_FORMAT));
        }
        String number = text(card, "cardNumber");
        String month = text(card, "expiryMonth");
        String year = text(card, "expiryYear");
        String code = text(card, "securityCode");
        String holder = text(card, "cardholderName");
        List<String> texts = java.util.Arrays.asList(number, month, year, code, holder);
        if (texts.stream().anyMatch(t -> t == TEXT_OF_WRONG_TYPE)) {
            return new Issuance.Refused(List.of(TokenError.DECRYPTED_FORMAT));
        }
        return issue(shopPk, number, month, year, code, holder, count);
    }

    /**
     * Sandbox only: issues {@code createCount} tokens (1 to 10; null = 1) to a TEST-mode shop for a test card given in
     * clear, so that a server-side test can charge an MP token without a browser. The card is checked and the tokens
     * are made, sealed and stored exactly as for {@link #issue(String, String, String)} (the same code from the card
     * fields on); only the RSA-OAEP envelope is skipped, since nothing crosses a browser.
     *
     * @throws IllegalArgumentException for a shop that is not in TEST mode: real card data never takes this way
     */
    public Issuance issueTestCard(Shop shop, String cardNumber, String expiryMonth, String expiryYear,
            String securityCode, String cardholderName, String createCount) {
        if (shop.mode() != ShopMode.TEST) {
            throw new IllegalArgumentException("sandbox tokens are for TEST-mode shops only");
        }
        List<TokenError> errors = new ArrayList<>();
        int count = count(createCount, errors);
        if (!errors.isEmpty()) {
            return new Issuance.Refused(errors);
        }
        return issue(shop.id(), cardNumber, expiryMonth, expiryYear, securityCode, cardholderName, count);
    }

    /** {@code createCount} as a number of tokens; a fault goes to {@code errors} (codes 141, 142). */
    private static int count(String createCount, List<TokenError> errors) {
        if (createCount == null || createCount.isEmpty()) {
            return 1;
        }
        if (!createCount.chars().allMatch(c -> c >= '0' && c <= '9') || createCount.length() > 3) {
            errors.add(createCount.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? TokenError.TOKEN_NUMBER_RANGE : TokenError.TOKEN_NUMBER_NOT_DIGITS);
            return 1;
        }
        int count = Integer.parseInt(createCount);
        if (count < 1 || count > CardDataRules.MAX_TOKENS_PER_REQUEST) {
            errors.add(TokenError.TOKEN_NUMBER_RANGE);
        }
        return count;
    }

    /** Checks the card fields and issues {@code count} tokens for them to the shop. */
    private Issuance issue(long shopPk, String number, String month, String year, String code, String holder,
            int count) {
        List<TokenError> errors = CardDataRules.check(number, month, year, code, holder);
        if (!errors.isEmpty()) {
            return new Issuance.Refused(errors);
        }
        var tokenCard = new TokenCard(new CardNumber(number), CardDataRules.twoDigitMonth(month),
                CardDataRules.fourDigitYear(year), CardDataRules.present(code) ? new SecurityCode(code) : null,
                CardDataRules.present(holder) ? holder : null);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        List<String> tokens = new ArrayList<>(count);
        List<CardTokenRows.NewRow> newRows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] raw = new byte[TOKEN_BYTES];
            random.nextBytes(raw);
            String token = Base64.getEncoder().encodeToString(raw);
            byte[] id = tokenId(token);
            tokens.add(token);
            newRows.add(new CardTokenRows.NewRow(id, seal(shopPk, id, token, tokenCard)));
        }
        tx.executeWithoutResult(s -> rows.insertAll(shopPk, newRows, tokenCard.maskedNumber(),
                tokenCard.securityCode() != null, now, expiresAt));
        return new Issuance.Issued(List.copyOf(tokens), tokenCard.maskedNumber(), expiresAt, tokenCard.securityCode() != null);
    }

    /** The card behind the shop's unused token, leaving it usable (/credit/getCardDetails: a look, not a use). */
    public Redemption read(Shop shop, String token) {
        return open(shop, token, false);
    }

    /**
     * The card behind the shop's token for an operation that will use it: the token is spent by that operation's claim,
     * which joins the returned {@link TokenSpend}. A token already spent by an order whose processor call was never
     * answered (the node died, the outcome was unknown) opens too: only that order's retry can spend it again.
     */
    public Redemption forUse(Shop shop, String token) {
        return open(shop, token, true);
    }

    private Redemption open(Shop shop, String token, boolean spentToo) {
        if (!wellFormed(token)) {
            return new Redemption.Unknown();
        }
        byte[] id = tokenId(token);
        Optional<byte[]> sealed = rows.peekByShopAndTokenId(shop.id(), id, spentToo, clock.instant());
        return sealed.isPresent()
                ? new Redemption.Redeemed(open(shop.id(), id, token, sealed.get()), new TokenSpend(this, shop, token))
                : why(shop, id);
    }

    /**
     * Spends the shop's token for {@code orderId} (null: an operation without an order) in the caller's transaction (a
     * claim, {@link TokenSpend}); its card data is kept if {@code keepData} (until the processor answers the order's
     * call), else erased. Null when done, else why not (used by another operation, or expired, since it was read).
     */
    ResultCode spend(Shop shop, String token, String orderId, boolean keepData) {
        byte[] id = tokenId(token);
        if (rows.spend(shop.id(), id, orderId, keepData, clock.instant())) {
            return null;
        }
        return switch (why(shop, id)) {
            case Redemption.AlreadyUsed u -> ResultCode.CARD_TOKEN_USED;
            case Redemption.Expired e -> ResultCode.CARD_TOKEN_EXPIRED;
            default -> ResultCode.CARD_TOKEN_NOT_FOUND;
        };
    }

    /** Erases the card data of a spent token: the processor answered its order's call, the token is gone. */
    void eraseSpent(Shop shop, String token) {
        rows.eraseSpent(shop.id(), tokenId(token));
    }

    private Redemption why(Shop shop, byte[] id) {
        return rows.stateByShopAndTokenId(shop.id(), id)
                .<Redemption>map(state -> state.usedAt() != null ? new Redemption.AlreadyUsed() : new Redemption.Expired())
                .orElseGet(Redemption.Unknown::new);
    }

    /** Tokens are 64 base64 characters; anything else names no token and never reaches a query. */
    private static boolean wellFormed(String token) {
        return token != null && token.length() == 64 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/');
    }

    private byte[] tokenId(String token) {
        return HexFormat.of().parseHex(cipher.fingerprint("card-token-id:" + token));
    }

    private SecretKeySpec sealingKey(String token) {
        return new SecretKeySpec(HexFormat.of().parseHex(cipher.fingerprint("card-token-key:" + token)), "AES");
    }

    private static byte[] aad(long shopPk, byte[] id) {
        return ("card-token:" + shopPk + ":" + HexFormat.of().formatHex(id)).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] seal(long shopPk, byte[] id, String token, TokenCard card) {
        ObjectNode node = json.createObjectNode();
        node.put("n", card.number().expose());
        node.put("m", card.expiryMonth());
        node.put("y", card.expiryYear());
        if (card.securityCode() != null) {
            node.put("c", card.securityCode().expose());
        }
        if (card.cardholderName() != null) {
            node.put("h", card.cardholderName());
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, sealingKey(token), new GCMParameterSpec(128, iv));
            aes.updateAAD(aad(shopPk, id));
            byte[] sealed = aes.doFinal(json.writeValueAsBytes(node));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a token failed", e);
        }
    }

    private TokenCard open(long shopPk, byte[] id, String token, byte[] sealed) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, sealingKey(token), new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            aes.updateAAD(aad(shopPk, id));
            JsonNode node = json.readTree(aes.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
            String code = text(node, "c");
            return new TokenCard(new CardNumber(text(node, "n")), text(node, "m"), text(node, "y"),
                    code == null ? null : new SecurityCode(code), text(node, "h"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a token's card data cannot be opened", e);
        }
    }

    /** Marks a member that is present but not a string (the JSON does not have the shape mp-token.js sends). */
    private static final String TEXT_OF_WRONG_TYPE = new String("not text");

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asString();
        }
        return value.isString() ? value.stringValue() : TEXT_OF_WRONG_TYPE;
    }

    /**
     * Housekeeping, run by {@code CardTokenPurge}: erases the card data of expired tokens at once, and deletes their
     * rows a day later (until then a late redemption is told "expired" rather than "unknown").
     */
    public int purge(int batch) {
        Instant now = clock.instant();
        return rows.eraseExpired(now, batch) + rows.deleteExpiredBefore(now.minus(Duration.ofDays(1)), batch);
    }
}
