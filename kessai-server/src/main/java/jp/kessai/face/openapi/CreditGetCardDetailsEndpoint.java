package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.Vault;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/getCardDetails (no Idempotency-Key; needs the shop's option contract): the details of a stored card
 * or of an MP token's card (the token is read, not used up), the number masked to its last four digits. 200
 * {cardDetailResult}.
 */
@Component
class CreditGetCardDetailsEndpoint extends CheckedEndpoint {

    static final String PATH = "/credit/getCardDetails";
    private static final String INFORMATION = "cardInformation";

    private final Vault vault;
    private final VaultViews views;
    private final CardResolver cards;

    CreditGetCardDetailsEndpoint(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json,
            CardResolver cards) {
        super(mapper, json, PATH, false);
        this.cards = cards;
        this.vault = vault;
        this.views = views;
    }

    @Override
    Reply run(OpenApiCall call) {
        JsonNode information = call.body().get(INFORMATION);
        if (CardInput.kind(information) == CardInput.Kind.TOKENIZED) {
            return tokenDetails(call, information);
        }
        JsonNode onfileCard = information.get("onfileCard");
        return views.reply(vault.cardDetails(call.shop(), text(onfileCard, "memberId"), CardInput.selector(onfileCard)),
                PATH, 200, this::body);
    }

    /**
     * An MP token's card: the contract first (a refused request leaves the token as it was), then the token is read,
     * not used up, so that the merchant can still pay with it. Apple Pay and Google Pay tokens are refused (the OAS).
     */
    private Reply tokenDetails(OpenApiCall call, JsonNode information) {
        if (!call.shop().settings().cardDetailsContracted()) {
            return json.problem(OpenApiResultCodes.of(ResultCode.METHOD_NOT_CONTRACTED, null, PATH), PATH);
        }
        String type = text(information.get("tokenizedCard"), "type");
        if (!"MP_TOKEN".equals(type)) {
            return json.problem(Problem.notAccepted(INFORMATION + ".tokenizedCard.type"), PATH);
        }
        // an MP token is only read: no operation claims with it, so it stays usable
        return switch (cards.resolve(call.shop(), information, INFORMATION, CardResolver.Use.LOOK)) {
            case CardResolver.Resolution.Refused(Problem refused) -> json.problem(refused, PATH);
            case CardResolver.Resolution.Resolved(CardResolver.RequestCard card) -> views.reply(
                    vault.cardDetails(call.shop(), card.number(), card.expiryMonth(), card.expiryYear(),
                            card.cardholderName()), PATH, 200, this::body);
        };
    }

    private ObjectNode body(StoredCard card) {
        ObjectNode detail = views.cardResult(card);
        detail.put("issuerLocation", "JCB".equals(card.brand()) ? "JP" : "UNKNOWN");
        ObjectNode node = json.object();
        node.set("cardDetailResult", detail);
        return node;
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditGetCardDetailsRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get(INFORMATION);
        if (!information.isObject()) {
            return Optional.of(Problem.invalid(INFORMATION));
        }
        if (CardInput.kind(information) == CardInput.Kind.TOKENIZED) {
            return validator.validate("TokenizedCard", information.get("tokenizedCard"), INFORMATION + ".tokenizedCard");
        }
        if (SchemaValidator.absent(information.get("onfileCard"))) {
            return Optional.of(Problem.missing(INFORMATION + ".onfileCard"));
        }
        problem = validator.validate("CreditGetCardDetailsReferrerInformation", information, INFORMATION);
        if (problem.isPresent()) {
            return problem;
        }
        return CardInput.creditCardOnly(information.get("onfileCard"), INFORMATION + ".onfileCard");
    }
}
