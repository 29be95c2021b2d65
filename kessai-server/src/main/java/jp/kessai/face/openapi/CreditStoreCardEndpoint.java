package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.credit.CreditCardStoring;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.VaultOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/storeCard: stores a card without verifying it — card data (PCI DSS shops), the card of an earlier
 * successful transaction ({@code referrer.accessId}), or a token (through {@link CardInput}). 201
 * CreditStoreCardReponse {nextAction NO_ACTION, onfileCardResult, cardResult}.
 */
@Component
class CreditStoreCardEndpoint extends CheckedEndpoint {

    static final String PATH = "/credit/storeCard";
    private static final String INFORMATION = "creditStoringInformation";

    private final CreditCardStoring storing;
    private final VaultViews views;
    private final CardResolver cards;

    CreditStoreCardEndpoint(JsonMapper mapper, CreditCardStoring storing, VaultViews views, OpenApiJson json,
            CardResolver cards) {
        super(mapper, json, PATH, true);
        this.cards = cards;
        this.storing = storing;
        this.views = views;
    }

    @Override
    Reply run(OpenApiCall call) {
        JsonNode information = call.body().get(INFORMATION);
        var options = VaultViews.storeOptions(information.get("onfileCardOptions"));
        var idempotency = call.idempotency();
        VaultOutcome<StoreResult> outcome;
        if (!SchemaValidator.absent(information.get("referrer"))) {
            outcome = storing.storeReferenced(call.shop(), text(information.get("referrer"), "accessId"), options,
                    idempotency.joining(this::render));
        } else {
            CardInput.Result input = CardInput.kind(information) == CardInput.Kind.TOKENIZED
                ? cards.vaultSource(call.shop(), information, INFORMATION) : CardInput.source(information, INFORMATION);
            if (input.problem() != null) {
                return json.problem(input.problem(), PATH);
            }
            outcome = storing.store(call.shop(), input.source(), options, idempotency.joining(this::render));
        }
        return idempotency.answer(outcome, this::render);
    }

    private Reply render(VaultOutcome<StoreResult> outcome) {
        return views.reply(outcome, PATH, 201, stored -> {
            ObjectNode node = json.object();
            node.put("nextAction", "NO_ACTION");
            node.set("onfileCardResult", views.onfileCardResult(stored));
            node.set("cardResult", views.cardResult(stored.card()));
            return node;
        });
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditStoreCardRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get(INFORMATION);
        if (!information.isObject()) {
            return Optional.of(Problem.invalid(INFORMATION));
        }
        String variant;
        if (!SchemaValidator.absent(information.get("referrer"))) {
            variant = "CreditStoringReferrerInformation";
        } else if (CardInput.kind(information) == CardInput.Kind.TOKENIZED) {
            variant = "CreditStoringTokenInformation";
        } else {
            variant = "CreditStoringPanInformation";
        }
        problem = validator.validate(variant, information, INFORMATION);
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode referrer = information.get("referrer");
        if (!SchemaValidator.absent(referrer) && !text(referrer, "accessId").matches("[a-zA-Z0-9]{32}")) {
            return Optional.of(Problem.notAccepted("accessId"));
        }
        return VaultViews.checkStoreOptions(information.get("onfileCardOptions"), INFORMATION + ".onfileCardOptions");
    }
}
