package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.credit.CreditCardStoring;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditVerification;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsStart;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.VaultOutcome;
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
    private final CreditCardStoring storing;

    CreditVerifyCardEndpoint(JsonMapper mapper, CreditVerification verification, CreditViews views,
            VaultViews vaultViews, OpenApiJson json, ThreeDsStart threeDs, CardResolver cards, ChargeAnswers answers,
            CreditCardStoring storing) {
        super(mapper, json, PATH, true);
        this.threeDs = threeDs;
        this.cards = cards;
        this.answers = answers;
        this.storing = storing;
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

    /**
     * A retry after an unknown outcome, or after the node running the first request died, answers from the order as
     * /credit/charge does ({@link ChargeAnswers#resume}): 409 while the verification is held, the 202 redirect while
     * 3-D Secure waits, and for a verified order (CHECK) the first request's 201 — with the card stored now when the
     * request asked for it. The first request stores the card in its finish transaction, which also completes its
     * Idempotency-Key; a key that is resumed was not completed, so that store did not happen (the reconciler settles
     * the verification without storing): this request stores the card of the order, and its key's answer commits with
     * the store, so it happens once (docs/reliability.md). The card is the order's own (number, expiry, holder as
     * verified): an MP token, spent by the first request, is not resolved again; nor is a failed verification of one
     * run again — it answers the refusal the order records.
     */
    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        Optional<Problem> problem = validate(call.body());
        if (problem.isPresent()) {
            return json.problem(problem.get(), PATH);
        }
        boolean runAgain = !"MP_TOKEN".equals(CardResolver.tokenType(call.body().get(INFORMATION)));
        return answers.resume(call, accessId, PATH, List.of(OrderStatus.CHECK), verified -> verified(call, verified),
                runAgain, this::handle);
    }

    /**
     * The 201 of a verified order, the card stored first when the request asks for it. A verification through 3-D
     * Secure stored its card with the flow's completion (automatic, or /tds2/finalizeVerification), not here.
     */
    private Reply verified(OpenApiCall call, CreditOutcome verified) {
        JsonNode store = call.body().get(INFORMATION).get("onfileCardOptions");
        if (SchemaValidator.absent(store) || views.throughTds2(verified.transaction())) {
            return render(new VerificationOutcome(verified, null, null));
        }
        var idempotency = call.idempotency();
        Function<VaultOutcome<StoreResult>, Reply> render = stored -> render(
                new VerificationOutcome(verified, stored.value(), stored.ok() ? null : stored.code()));
        var stored = storing.storeReferenced(call.shop(), verified.transaction().order().accessId(),
                VaultViews.storeOptions(store), idempotency.joining(render));
        return idempotency.answer(stored, render);
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
