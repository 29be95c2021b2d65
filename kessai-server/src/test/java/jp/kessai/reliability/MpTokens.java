package jp.kessai.reliability;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * MP tokens (mp-token.js / CreateToken.json; in sandbox mode {@code POST /sandbox/mp-tokens}): a charge paid with a
 * single-use token and its cancel. The token is used up by the first charge, so a retry with the same
 * Idempotency-Key after a crash or a race must be answered from the order — never "the token has already been used",
 * and never a second authorisation.
 */
final class MpTokens {

    private MpTokens() {}

    /** A token of {@code p}'s card for {@code shopId}, issued by the sandbox (retried until a node answers). */
    static String issue(Supplier<String> node, String shopId, Payment p) {
        String json = "{\"shopId\":\"" + shopId + "\",\"cardNumber\":\"" + p.cardNo + "\",\"expiryMonth\":\"06\","
                + "\"expiryYear\":\"2033\",\"securityCode\":\"" + p.securityCode + "\",\"cardholderName\":\"TARO MIHON\"}";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            var answer = Wire.json(node.get(), "POST", "/sandbox/mp-tokens", json);
            if (answer.status() == 201) {
                String list = answer.body().replaceAll(".*\"tokenList\":\\[\"([^\"]+)\".*", "$1");
                if (!list.equals(answer.body())) {
                    return list;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not issue an MP token for " + p + ": " + answer.status() + " " + answer.body());
            }
            Lifecycle.pause(200);
        }
    }

    /** /credit/charge paid with {@code token} instead of card data. */
    static String charge(Payment p, long amount, String token) {
        String body = Lifecycle.CreditCharge.body(p, amount);
        int from = body.indexOf("\"card\":{");
        int to = body.indexOf('}', from) + 1;
        return body.substring(0, from) + "\"tokenizedCard\":{\"type\":\"MP_TOKEN\",\"token\":\"" + token + "\"}" + body.substring(to);
    }

    static List<Operation> operations() {
        return List.of(
                new VaultAndTds.Keyed("openapi /credit/charge (MP token)", "/credit/charge", 201, "AUTH",
                        p -> charge(p, p.amountYen, p.vars.get("mpToken")),
                        p -> charge(p, p.amountYen + 1, p.vars.get("mpToken")), VaultAndTds.keep(null),
                        (ledger, p) -> VaultAndTds.authorisations(ledger, p, p.amountYen)),
                new Lifecycle.OpenApiOrderOperation("/order/cancel", "CANCEL"));
    }
}
