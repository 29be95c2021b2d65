package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import java.util.function.Function;
import jp.kessai.core.credit.CreditOnfileCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.order.Channel;
import jp.kessai.core.threeds.StartOutcome;
import jp.kessai.core.threeds.ThreeDsStart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /credit/on-file/charge: the member's stored card (cardId, else index, else the default card) charged as
 * /credit/charge charges card data. Without 3-D Secure (useTds2 false): 201 CreditChargeResponse. With it (useTds2
 * true, the default): 202 CreditChargeTds2Response with the redirect to Kessai's 3DS pages, as /credit/charge; the
 * core opens the stored card from the vault (its number never reaches this face), or 201 when the card is not
 * enrolled and skipNotEnrolledCard is true.
 */
@Component
class CreditOnfileChargeEndpoint extends CheckedEndpoint {

    static final String PATH = "/credit/on-file/charge";
    private static final String INFORMATION = "creditOnfileInformation";
    private static final String OPTIONS = INFORMATION + ".creditChargeOptions";

    private final CreditOnfileCharge charge;
    private final ThreeDsStart threeDs;
    private final ChargeAnswers answers;

    CreditOnfileChargeEndpoint(JsonMapper mapper, CreditOnfileCharge charge, ThreeDsStart threeDs,
            ChargeAnswers answers, OpenApiJson json) {
        super(mapper, json, PATH, true);
        this.charge = charge;
        this.threeDs = threeDs;
        this.answers = answers;
    }

    @Override
    Reply run(OpenApiCall call) {
        var idempotency = call.idempotency();
        if (Tds2Wire.useTds2(call.body().get(INFORMATION).get("creditChargeOptions"))) {
            Function<StartOutcome, Reply> render = answers.started(this::render);
            StartOutcome started = threeDs.chargeOnFile(call.shop(), Channel.OPENAPI, command(call),
                    Tds2Wire.request(call.body()), idempotency.joining(render));
            return idempotency.answer(started, render);
        }
        CreditOutcome outcome = charge.charge(call.shop(), Channel.OPENAPI, command(call), idempotency.joining(this::render));
        return idempotency.answer(outcome, this::render);
    }

    private Reply render(CreditOutcome outcome) {
        return answers.charged(outcome, PATH);
    }

    /** As /credit/charge: a retry after an unknown outcome answers from the order instead of charging again. */
    @Override
    public Reply resume(OpenApiCall call, String accessId) {
        return answers.resume(call, accessId, PATH, this::handle);
    }

    @Override
    Optional<Problem> validate(JsonNode body) {
        Optional<Problem> problem = validator.validate("CreditOnfileChargeRequest", body, "");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode information = body.get(INFORMATION);
        problem = CardInput.creditCardOnly(information.get("onfileCard"), INFORMATION + ".onfileCard");
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode options = information.get("creditChargeOptions");
        problem = ChargeAnswers.checkOrder(body, options, OPTIONS);
        if (problem.isPresent()) {
            return problem;
        }
        return ChargeAnswers.checkInstallments(options, OPTIONS);
    }

    private CreditOnfileCharge.Command command(OpenApiCall call) {
        JsonNode body = call.body();
        JsonNode order = body.get("order");
        JsonNode onfileCard = body.get(INFORMATION).get("onfileCard");
        JsonNode options = body.get(INFORMATION).get("creditChargeOptions");
        String itemCode = text(options, "itemCode");
        var source = CardInput.onFile(onfileCard);
        return new CreditOnfileCharge.Command(text(order, "orderId"), Long.parseLong(text(order, "amount")),
                CreditChargeEndpoint.clientFields(order.get("clientFields")), source.memberId(), source.selector(),
                source.cardholderName(), "CAPTURE".equals(text(options, "authorizationMode")),
                ChargeAnswers.paymentMethod(options), ChargeAnswers.installments(options),
                itemCode == null ? "0000990" : itemCode, call.apiVersion(), ChargeAnswers.requestDetails(json, body));
    }
}
