package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.Vault;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/getCardDetails (no Idempotency-Key; needs the shop's option contract): the details of a stored card
 * (or, through {@link CardInput}, a token's card), the number masked to its last four digits. 200
 * {cardDetailResult}.
 */
@Component
class CreditGetCardDetailsEndpoint implements OpenApiOperation {

    static final String PATH = "/credit/getCardDetails";
    private static final String INFORMATION = "cardInformation";

    private final SchemaValidator validator;
    private final Vault vault;
    private final VaultViews views;
    private final OpenApiJson json;

    CreditGetCardDetailsEndpoint(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
        this.validator = SchemaValidator.fromClasspath(mapper);
        this.vault = vault;
        this.views = views;
        this.json = json;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Reply handle(OpenApiCall call) {
        Optional<Problem> problem = validate(call.body());
        if (problem.isPresent()) {
            return json.problem(problem.get(), PATH);
        }
        JsonNode information = call.body().get(INFORMATION);
        if (CardInput.kind(information) == CardInput.Kind.TOKENIZED) {
            return json.problem(CardInput.tokenized(information.get("tokenizedCard"), INFORMATION + ".tokenizedCard")
                    .problem(), PATH);
        }
        JsonNode onfileCard = information.get("onfileCard");
        return views.reply(vault.cardDetails(call.shop(), text(onfileCard, "memberId"), CardInput.selector(onfileCard)),
                PATH, 200, this::body);
    }

    private ObjectNode body(StoredCard card) {
        ObjectNode detail = views.cardResult(card);
        detail.put("issuerLocation", "JCB".equals(card.brand()) ? "JP" : "UNKNOWN");
        ObjectNode node = json.object();
        node.set("cardDetailResult", detail);
        return node;
    }

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
