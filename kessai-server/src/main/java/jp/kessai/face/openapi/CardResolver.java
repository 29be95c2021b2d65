package jp.kessai.face.openapi;

import java.util.Base64;
import jp.kessai.core.credit.CardEntry;
import jp.kessai.core.credit.CardSource;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.token.CardDataRules;
import jp.kessai.core.token.CardTokens;
import jp.kessai.core.token.TokenCard;
import jp.kessai.core.token.TokenSpend;
import jp.kessai.core.vault.CardData;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where a request's card object becomes core card data: {@code card} (card data, PCI DSS shops only —
 * the core checks the flag), {@code tokenizedCard} of type {@code MP_TOKEN} (read here; spent by the claim of the
 * operation that uses the card, which joins {@link RequestCard#spend} to its participant), or
 * {@code APPLE_PAY_TOKEN} / {@code GOOGLE_PAY_TOKEN} (the sandbox format of docs/test-cards.md). Every endpoint that
 * takes a card ({@code /credit/charge}, {@code /credit/verifyCard}, {@code /credit/storeCard},
 * {@code /credit/getCardDetails}) calls {@link #resolve} once its body passed validation, right before the core call.
 *
 * <p>Both {@code card} and {@code tokenizedCard} given: the token wins for a PCI DSS shop, any other shop gets
 * {@code invalid_contract} (seed 003, TokenizedCard).
 */
@Component
class CardResolver {

    static final String CARD = "card";
    static final String TOKENIZED_CARD = "tokenizedCard";
    /** The member of the sandbox wallet token that names the test card. */
    static final String SANDBOX_WALLET_CARD = "kessaiTestCard";
    /** The sandbox wallet token's expiry when it names none. */
    static final String SANDBOX_WALLET_EXPIRY_MONTH = "12";
    static final String SANDBOX_WALLET_EXPIRY_YEAR = "2099";

    /** Whether the card is for an operation, which spends the token at its claim, or only looked at (card details). */
    enum Use {
        OPERATION,
        LOOK
    }

    /**
     * Card data resolved from a request, in secret types, and what spends its MP token ({@link TokenSpend#NONE} for
     * other cards); printing it masks the number, the code and the token.
     */
    record RequestCard(CardEntry entry, CardNumber number, String expiryMonth, String expiryYear,
            SecurityCode securityCode, String cardholderName, TokenSpend spend) {

        RequestCard(CardEntry entry, CardNumber number, String expiryMonth, String expiryYear,
                SecurityCode securityCode, String cardholderName) {
            this(entry, number, expiryMonth, expiryYear, securityCode, cardholderName, TokenSpend.NONE);
        }
    }

    sealed interface Resolution {
        record Resolved(RequestCard card) implements Resolution {}

        record Refused(Problem problem) implements Resolution {}
    }

    private final CardTokens tokens;
    private final JsonMapper json;

    CardResolver(CardTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    /** Whether the (schema-checked) information object pays with {@code tokenizedCard} rather than {@code card}. */
    static boolean tokenized(JsonNode information) {
        return information != null && !SchemaValidator.absent(information.get(TOKENIZED_CARD));
    }

    /** The tokenizedCard type of a tokenized information object, e.g. {@code APPLE_PAY_TOKEN}; null otherwise. */
    static String tokenType(JsonNode information) {
        return tokenized(information) ? CreditChargeEndpoint.text(information.get(TOKENIZED_CARD), "type") : null;
    }

    /**
     * @param information the request's card information object (e.g. {@code creditInformation}), validated
     * @param path its dotted path, for the problem's detail
     */
    Resolution resolve(Shop shop, JsonNode information, String path, Use use) {
        if (!tokenized(information)) {
            JsonNode card = information.get(CARD);
            String code = CreditChargeEndpoint.text(card, "securityCode");
            return new Resolution.Resolved(new RequestCard(CardEntry.CARD_DATA,
                    new CardNumber(CreditChargeEndpoint.text(card, "cardNumber")),
                    CreditChargeEndpoint.text(card, "expiryMonth"), CreditChargeEndpoint.text(card, "expiryYear"),
                    code == null ? null : new SecurityCode(code), CreditChargeEndpoint.text(card, "cardholderName")));
        }
        if (!SchemaValidator.absent(information.get(CARD)) && !shop.settings().pciDssCompliant()) {
            return new Resolution.Refused(new Problem(ProblemTitle.INVALID_CONTRACT,
                    "The shop's contract does not allow this request."));
        }
        JsonNode tokenized = information.get(TOKENIZED_CARD);
        String type = CreditChargeEndpoint.text(tokenized, "type");
        String token = CreditChargeEndpoint.text(tokenized, "token");
        String tokenPath = path + "." + TOKENIZED_CARD + ".token";
        return switch (type) {
            case "MP_TOKEN" -> mpToken(shop, token, tokenPath, use);
            case "APPLE_PAY_TOKEN" -> sandboxWallet(shop, token, tokenPath, CardEntry.APPLE_PAY);
            case "GOOGLE_PAY_TOKEN" -> sandboxWallet(shop, token, tokenPath, CardEntry.GOOGLE_PAY);
            default -> new Resolution.Refused(Problem.invalid(path + "." + TOKENIZED_CARD + ".type"));
        };
    }

    /**
     * The card source of a tokenized /credit/verifyCard or /credit/storeCard request ({@code information} validated):
     * an MP token goes to the core as {@link CardSource.Token}, read there and spent by the operation's claim
     * ({@link jp.kessai.core.credit.CardSources}); a Google Pay token is opened here (sandbox format). The OAS refuses
     * Apple Pay tokens on both endpoints. Card data beside the token: as {@link #resolve}.
     */
    CardInput.Result vaultSource(Shop shop, JsonNode information, String path) {
        if (!SchemaValidator.absent(information.get(CARD)) && !shop.settings().pciDssCompliant()) {
            return CardInput.Result.refused(new Problem(ProblemTitle.INVALID_CONTRACT,
                    "The shop's contract does not allow this request."));
        }
        JsonNode tokenized = information.get(TOKENIZED_CARD);
        String type = CreditChargeEndpoint.text(tokenized, "type");
        String token = CreditChargeEndpoint.text(tokenized, "token");
        String tokenPath = path + "." + TOKENIZED_CARD + ".token";
        return switch (type) {
            case "MP_TOKEN" -> CardInput.Result.of(new CardSource.Token(token));
            case "GOOGLE_PAY_TOKEN" -> switch (sandboxWallet(shop, token, tokenPath, CardEntry.GOOGLE_PAY)) {
                case Resolution.Resolved(RequestCard card) -> CardInput.Result.of(new CardSource.Wallet(card.entry(),
                        new CardData(card.number(), card.expiryMonth(), card.expiryYear(), card.cardholderName())));
                case Resolution.Refused(Problem problem) -> CardInput.Result.refused(problem);
            };
            default -> CardInput.Result.refused(Problem.notAccepted(path + "." + TOKENIZED_CARD + ".type"));
        };
    }

    private Resolution mpToken(Shop shop, String token, String tokenPath, Use use) {
        return switch (use == Use.OPERATION ? tokens.forUse(shop, token) : tokens.read(shop, token)) {
            case CardTokens.Redemption.Redeemed(TokenCard card, TokenSpend spend) -> new Resolution.Resolved(
                    new RequestCard(CardEntry.MP_TOKEN, card.number(), card.expiryMonth(), card.expiryYear(),
                            card.securityCode(), card.cardholderName(), spend));
            case CardTokens.Redemption.Unknown u -> new Resolution.Refused(Problem.notAccepted(tokenPath));
            case CardTokens.Redemption.AlreadyUsed u -> new Resolution.Refused(new Problem(ProblemTitle.INVALID_PARAMETER,
                    "The token has already been used.(" + tokenPath + ")"));
            case CardTokens.Redemption.Expired e -> new Resolution.Refused(new Problem(ProblemTitle.INVALID_PARAMETER,
                    "The token has expired.(" + tokenPath + ")"));
        };
    }

    /**
     * A real Apple Pay or Google Pay payment token can only be opened with the merchant's wallet keys, which Kessai
     * does not hold yet: TEST-mode shops send the sandbox format instead, base64 of
     * {@code {"kessaiTestCard":{"cardNumber":"4111111111111111","expiryMonth":"12","expiryYear":"2030",
     * "cardholderName":"TARO MIHON"}}} (expiry and name optional). Wallet tokens carry no security code. They are not
     * single-use in the sandbox.
     */
    private Resolution sandboxWallet(Shop shop, String token, String tokenPath, CardEntry source) {
        if (shop.mode() != ShopMode.TEST) {
            return new Resolution.Refused(Problem.notYetSupported("Apple Pay and Google Pay payment tokens", tokenPath));
        }
        JsonNode card;
        try {
            JsonNode root = json.readTree(Base64.getDecoder().decode(token.strip()));
            card = root == null || !root.isObject() ? null : root.get(SANDBOX_WALLET_CARD);
        } catch (IllegalArgumentException | JacksonException e) {
            card = null;
        }
        if (card == null || !card.isObject()) {
            return new Resolution.Refused(Problem.notAccepted(tokenPath));
        }
        String number = CreditChargeEndpoint.text(card, "cardNumber");
        String month = orDefault(CreditChargeEndpoint.text(card, "expiryMonth"), SANDBOX_WALLET_EXPIRY_MONTH);
        String year = orDefault(CreditChargeEndpoint.text(card, "expiryYear"), SANDBOX_WALLET_EXPIRY_YEAR);
        String holder = CreditChargeEndpoint.text(card, "cardholderName");
        if (!CardDataRules.check(number, month, year, null, holder).isEmpty() || month.length() != 2 || year.length() != 4) {
            return new Resolution.Refused(Problem.notAccepted(tokenPath));
        }
        return new Resolution.Resolved(new RequestCard(source, new CardNumber(number), month, year, null, holder));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

}
