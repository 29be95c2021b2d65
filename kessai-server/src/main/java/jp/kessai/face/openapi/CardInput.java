package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.credit.CardSource;
import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.CardSelector;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import tools.jackson.databind.JsonNode;

/**
 * The one place where the card object of /credit/verifyCard, /credit/storeCard and /credit/on-file/charge becomes
 * core card data ({@link CardSource}): {@code card} (card data, PCI DSS shops), {@code onfileCard} (a stored card) or
 * {@code tokenizedCard} (through {@link CardResolver#vaultSource}). Each request's variant was
 * validated against its schema before.
 */
final class CardInput {

    private CardInput() {}

    /** Either the source or the problem that refuses the request. */
    record Result(CardSource source, Problem problem) {
        static Result of(CardSource source) {
            return new Result(source, null);
        }

        static Result refused(Problem problem) {
            return new Result(null, problem);
        }
    }

    /** Which of the three alternatives {@code information} holds (a token wins over card data, as the OAS says). */
    enum Kind {
        TOKENIZED,
        ON_FILE,
        CARD,
        NONE
    }

    static Kind kind(JsonNode information) {
        if (!SchemaValidator.absent(information.get("tokenizedCard"))) {
            return Kind.TOKENIZED;
        }
        if (!SchemaValidator.absent(information.get("onfileCard"))) {
            return Kind.ON_FILE;
        }
        if (!SchemaValidator.absent(information.get("card"))) {
            return Kind.CARD;
        }
        return Kind.NONE;
    }

    /** The card source of card data or a stored card in {@code information} (reported at {@code path}); tokens go to {@link CardResolver}. */
    static Result source(JsonNode information, String path) {
        return switch (kind(information)) {
            case TOKENIZED -> throw new IllegalArgumentException("tokenized cards are resolved by CardResolver");
            case ON_FILE -> Result.of(onFile(information.get("onfileCard")));
            case CARD -> card(information.get("card"), path + ".card");
            case NONE -> Result.refused(Problem.missing(path + ".card"));
        };
    }

    static CardSource.OnFile onFile(JsonNode onfileCard) {
        return new CardSource.OnFile(text(onfileCard, "memberId"), selector(onfileCard),
                text(onfileCard, "cardholderName"));
    }

    static CardSelector selector(JsonNode onfileCard) {
        String cardId = text(onfileCard, "cardId");
        String index = text(onfileCard, "index");
        return new CardSelector(cardId == null ? null : Integer.valueOf(cardId), index == null ? null : Integer.valueOf(index));
    }

    private static Result card(JsonNode card, String path) {
        String month = text(card, "expiryMonth");
        int monthNumber = Integer.parseInt(month);
        if (monthNumber < 1 || monthNumber > 12) {
            return Result.refused(Problem.invalid(path + ".expiryMonth"));
        }
        String code = text(card, "securityCode");
        return Result.of(new CardSource.Direct(new CardData(new CardNumber(text(card, "cardNumber")), month,
                text(card, "expiryYear"), text(card, "cardholderName")), code == null ? null : new SecurityCode(code)));
    }

    /** Kessai stores credit cards only: a stored Apple Pay card never exists here. */
    static Optional<Problem> creditCardOnly(JsonNode onfileCard, String path) {
        return "APPLE_PAY".equals(text(onfileCard, "type")) ? Optional.of(Problem.notAccepted(path + ".type"))
                : Optional.empty();
    }
}
