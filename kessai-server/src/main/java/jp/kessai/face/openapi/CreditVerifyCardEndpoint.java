package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditVerification;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.Channel;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsStart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /credit/verifyCard: card data or a stored card (a token through {@link CardInput}), verified by a
 * zero-amount authorisation; with onfileCardOptions the verified card is stored. Without 3-D Secure (useTds2
 * false): 201 CreditVerifyCardResponse {nextAction NO_ACTION, orderReference (status CHECK, no amount),
 * creditResult, onfileCardResult when a card was stored}. With it (useTds2 true, the default): 202
 * CreditVerifyCardTds2Response with the redirect to Kessai's 3DS pages, as /credit/charge; the card is stored once
 * the verification after authentication succeeded (automatically, or by /tds2/finalizeVerification, which then
 * shows onfileCardResult). A card that is not enrolled with skipNotEnrolledCard true is verified at once (201).
 */
@Component
class CreditVerifyCardEndpoint extends CheckedEndpoint {

    static final String PATH = "/credit/verifyCard";
    private static final String INFORMATION = "creditVerificationInformation";

    private final CreditVerification verification;
    private final CreditViews views;
    private final VaultViews vaultViews;
    private final ThreeDsStart threeDs;
    private final CardResolver cards;
    private final ChargeAnswers answers;

    CreditVerifyCardEndpoint(JsonMapper mapper, CreditVerification verification, CreditViews views,
            VaultViews vaultViews, OpenApiJson json, ThreeDsStart threeDs, CardResolver cards, ChargeAnswers answers) {
        super(mapper, json, PATH, true);
        this.threeDs = threeDs;
        this.cards = cards;
        this.answers = answers;
        this.verification = verification;
        this.views = views;
        this.vaultViews = vaultViews;
    }

    @Override
    Reply run(OpenApiCall call) {
        JsonNode information = call.body().get(INFORMATION);
        CardInput.Result input = CardInput.kind(information) == CardInput.Kind.TOKENIZED
                ? cards.vaultSource(call.shop(), information, INFORMATION) : CardInput.source(information, INFORMATION);
        if (input.problem() != null) {
            return json.problem(input.problem(), PATH);
        }
        JsonNode order = call.body().get("order");
        JsonNode options = information.get("creditVerificationOptions");
        String itemCode = text(options, "itemCode");
        JsonNode store = information.get("onfileCardOptions");
        var command = new CreditVerification.Command(text(order, "orderId"),
                CreditChargeEndpoint.clientFields(order.get("clientFields")), input.source(),
                itemCode == null ? "0000990" : itemCode,
                SchemaValidator.absent(store) ? null : VaultViews.storeOptions(store), call.apiVersion(),
                ChargeAnswers.requestDetails(json, call.body()));
        var idempotency = call.idempotency();
        if (Tds2Wire.useTds2(options)) {
            Function<StartOutcome, Reply> render = answers.started(
                    credit -> render(new VerificationOutcome(credit, null, null)));
            StartOutcome started = threeDs.verify(call.shop(), Channel.OPENAPI, command, Tds2Wire.request(call.body()),
                    idempotency.joining(render));
            if (!started.verificationSkipped()) {
                return idempotency.answer(started, render);
            }
            // not enrolled and skipNotEnrolledCard: nothing was written; verified (and stored) without 3-D Secure
        }
        return idempotency.answer(verification.verify(call.shop(), Channel.OPENAPI, command, idempotency.joining(this::render)),
                this::render);
    }

    private Reply render(VerificationOutcome outcome) {
        CreditOutcome credit = outcome.credit();
        if (credit.ok() && outcome.storeRefusal() != null) {
            return json.problem(OpenApiResultCodes.of(outcome.storeRefusal(), null, PATH), PATH);
        }
        return views.reply(credit, PATH, 201, transaction -> {
            ObjectNode node = json.object();
            node.put("nextAction", "NO_ACTION");
            node.set("orderReference", views.orderReference(transaction));
            node.set("creditResult", views.creditResult(transaction));
            if (outcome.stored() != null) {
                node.set("onfileCardResult", vaultViews.onfileCardResult(outcome.stored()));
            }
            return node;
        });
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditVerifyCardRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get(INFORMATION);
        if (!information.isObject()) {
            return Optional.of(Problem.invalid(INFORMATION));
        }
        String variant = switch (CardInput.kind(information)) {
            case TOKENIZED -> "CreditVerificationTokenInformation";
            case ON_FILE -> "CreditVerificationReferrerInformation";
            case CARD, NONE -> "CreditVerificationPanInformation";
        };
        problem = validator.validate(variant, information, INFORMATION);
        if (problem.isPresent()) {
            return problem;
        }
        if (CardInput.kind(information) == CardInput.Kind.ON_FILE) {
            JsonNode onfileCard = information.get("onfileCard");
            problem = CardInput.creditCardOnly(onfileCard, INFORMATION + ".onfileCard");
            if (problem.isPresent()) {
                return problem;
            }
        }
        JsonNode store = information.get("onfileCardOptions");
        if (!SchemaValidator.absent(store)) {
            problem = VaultViews.checkStoreOptions(store, INFORMATION + ".onfileCardOptions");
            if (problem.isPresent()) {
                return problem;
            }
            // duplicate checks are for card data, tokens and successful transactions, not for a stored card
            if (CardInput.kind(information) == CardInput.Kind.ON_FILE
                    && !SchemaValidator.absent(store.get("duplicationCheckOptions"))) {
                return Optional.of(Problem.invalid(INFORMATION + ".onfileCardOptions.duplicationCheckOptions"));
            }
        }
        return Tds2Wire.validate(body, Tds2Wire.useTds2(information.get("creditVerificationOptions")));
    }
}
