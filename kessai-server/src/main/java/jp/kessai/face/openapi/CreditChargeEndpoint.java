package jp.kessai.face.openapi;

import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsStart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /credit/charge with card data (CreditPanInformation) or a token (CreditTokenInformation: MP token, sandbox
 * Apple Pay / Google Pay token). Without 3-D Secure (useTds2 false): 201 CreditChargeResponse with nextAction CAPTURE
 * (AUTH) or NO_ACTION (CAPTURE). With it (useTds2 true, the default): 202 CreditChargeTds2Response with the redirect to
 * Kessai's 3DS pages, or 201 when the card is not enrolled and skipNotEnrolledCard is true. Fraud detection comes with
 * a later issue and is refused with a 400 that says so.
 */
@Component
class CreditChargeEndpoint extends CheckedEndpoint {

    static final String PATH = "/credit/charge";
    /** Credit amounts: 1 to 9,999,999 yen (the protocol type's Amount limit for cards). */
    static final long MAX_AMOUNT_YEN = 9_999_999L;
    static final String OPTIONS = "creditInformation.creditChargeOptions";

    private final CreditCharge charge;
    private final ThreeDsStart threeDs;
    private final CardResolver cards;
    private final ChargeAnswers answers;

    CreditChargeEndpoint(JsonMapper mapper, CreditCharge charge, ThreeDsStart threeDs, CardResolver cards,
            ChargeAnswers answers, OpenApiJson json) {
        super(mapper, json, PATH, true);
        this.charge = charge;
        this.threeDs = threeDs;
        this.cards = cards;
        this.answers = answers;
    }

    @Override
    Reply run(OpenApiCall call) {
        // the last check before the core; an MP token is spent by the charge's claim (the command's TokenSpend)
        var resolution = cards.resolve(call.shop(), call.body().get("creditInformation"), "creditInformation",
                CardResolver.Use.OPERATION);
        if (resolution instanceof CardResolver.Resolution.Refused(Problem refused)) {
            return json.problem(refused, PATH);
        }
        var card = ((CardResolver.Resolution.Resolved) resolution).card();
        var idempotency = call.idempotency();
        if (Tds2Wire.useTds2(call.body().get("creditInformation").get("creditChargeOptions"))) {
            Function<StartOutcome, Reply> render = answers.started(this::render);
            StartOutcome started = threeDs.charge(call.shop(), Channel.OPENAPI, command(call, card),
                    Tds2Wire.request(call.body()), idempotency.joining(render));
            return idempotency.answer(started, render);
        }
        CreditOutcome outcome = charge.charge(call.shop(), Channel.OPENAPI, command(call, card),
                idempotency.joining(this::render));
        return idempotency.answer(outcome, this::render);
    }

    private Reply render(CreditOutcome outcome) {
        return answers.charged(outcome, PATH);
    }

    /** A retry after an unknown outcome answers from the order instead of charging again ({@link ChargeAnswers#resume}). */
    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        return answers.resume(call, accessId, PATH, this::handle);
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditChargeRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get("creditInformation");
        if (!information.isObject()) {
            return Optional.of(Problem.invalid("creditInformation"));
        }
        boolean tokenized = CardResolver.tokenized(information);
        problem = validator.validate(tokenized ? "CreditTokenInformation" : "CreditPanInformation", information,
                "creditInformation");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode options = information.get("creditChargeOptions");
        problem = ChargeAnswers.checkOrder(body, options, OPTIONS);
        if (problem.isPresent()) {
            return problem;
        }
        if ("APPLE_PAY_TOKEN".equals(CardResolver.tokenType(information))
                && ChargeAnswers.paymentMethod(options) != CreditPaymentMethod.ONE_TIME) {
            return Optional.of(Problem.invalid(OPTIONS + ".paymentMethod")); // Apple Pay: one-time payments only
        }
        return ChargeAnswers.checkInstallments(options, OPTIONS);
    }

    private CreditCharge.Command command(OpenApiCall call, CardResolver.RequestCard card) {
        JsonNode body = call.body();
        JsonNode order = body.get("order");
        JsonNode options = body.get("creditInformation").get("creditChargeOptions");
        String itemCode = text(options, "itemCode");
        return new CreditCharge.Command(
                text(order, "orderId"),
                Long.parseLong(text(order, "amount")),
                clientFields(order.get("clientFields")),
                card.number(),
                card.expiryMonth(),
                card.expiryYear(),
                card.securityCode(),
                card.cardholderName(),
                "CAPTURE".equals(text(options, "authorizationMode")),
                ChargeAnswers.paymentMethod(options),
                ChargeAnswers.installments(options),
                itemCode == null ? "0000990" : itemCode,
                call.apiVersion(),
                ChargeAnswers.requestDetails(json, body),
                card.entry(),
                card.spend());
    }

    static ClientFields clientFields(JsonNode node) {
        if (SchemaValidator.absent(node)) {
            return ClientFields.NONE;
        }
        return new ClientFields(text(node, "clientField1"), text(node, "clientField2"), text(node, "clientField3"));
    }

    /**
     * A string member, null when not set (absent, null or ""). Also null for a member that is not a string: the schema
     * refuses those, and code that looks before the schema did (a resumed request) must not fail on them.
     */
    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return SchemaValidator.absent(value) || !value.isString() ? null : value.stringValue();
    }
}
