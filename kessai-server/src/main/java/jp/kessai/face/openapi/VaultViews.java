package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.OpenApiJson.put;

import java.util.List;
import java.util.function.Function;
import jp.kessai.core.vault.StoreOptions;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.VaultOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the vault as the OpenAPI type's objects (OnfileCardInformation, OnfileCardResult, CardResult), members in
 * the order of the OAS, null members omitted, card numbers masked (last four digits); reads OnfileCardOptions.
 */
@Component
class VaultViews {

    private final OpenApiJson json;

    VaultViews(OpenApiJson json) {
        this.json = json;
    }

    ObjectNode onfileCard(StoredCard card) {
        ObjectNode node = json.object();
        node.put("type", "CREDIT_CARD");
        node.put("cardId", Integer.toString(card.cardId()));
        if (card.index() != null) {
            node.put("index", Integer.toString(card.index()));
        }
        node.put("cardNumber", card.cardNoMasked());
        put(node, "cardholderName", card.cardholderName());
        node.put("expiryMonth", card.expiryMonth());
        node.put("expiryYear", card.expiryYear());
        node.put("brand", card.brand());
        node.put("isDefault", card.isDefault());
        return node;
    }

    ArrayNode onfileCards(List<StoredCard> cards) {
        ArrayNode array = json.object().arrayNode();
        cards.forEach(card -> array.add(onfileCard(card)));
        return array;
    }

    ObjectNode onfileCardResult(StoreResult stored) {
        ObjectNode node = json.object();
        node.put("memberId", stored.memberId());
        put(node, "memberName", stored.memberName());
        node.put("type", "CREDIT_CARD");
        node.put("cardId", Integer.toString(stored.card().cardId()));
        node.put("isDefault", stored.card().isDefault());
        return node;
    }

    ObjectNode cardResult(StoredCard card) {
        ObjectNode node = json.object();
        node.put("cardNumber", card.cardNoMasked());
        put(node, "cardholderName", card.cardholderName());
        node.put("expiryMonth", card.expiryMonth());
        node.put("expiryYear", card.expiryYear());
        node.put("brand", card.brand());
        return node;
    }

    <T> Reply reply(VaultOutcome<T> outcome, String path, int status, Function<T, ObjectNode> body) {
        if (outcome.ok()) {
            return Reply.json(status, json.write(body.apply(outcome.value())));
        }
        return json.problem(OpenApiResultCodes.of(outcome.code(), null, path), path);
    }

    /** OnfileCardOptions (validated against its schema) as the vault's store options. */
    static StoreOptions storeOptions(JsonNode options) {
        String cardId = CreditChargeEndpoint.text(options, "cardId");
        JsonNode check = options.get("duplicationCheckOptions");
        StoreOptions.DuplicationCheck duplication = StoreOptions.DuplicationCheck.NONE;
        if (!SchemaValidator.absent(check)) {
            List<String> excluded = new java.util.ArrayList<>();
            JsonNode ids = check.get("excludedMemberIds");
            if (!SchemaValidator.absent(ids)) {
                ids.forEach(id -> excluded.add(id.stringValue()));
            }
            duplication = new StoreOptions.DuplicationCheck(flag(check, "enableDuplicationCheck"),
                    flag(check, "includeDeletedCards"), excluded);
        }
        return new StoreOptions(CreditChargeEndpoint.text(options, "memberId"),
                CreditChargeEndpoint.text(options, "memberName"), cardId == null ? null : Integer.valueOf(cardId),
                flag(options, "createNewMember"), flag(options, "setDefault"), duplication);
    }

    /** Checks OnfileCardOptions beyond its schema: excludedMemberIds has at most 20 member IDs, each well formed. */
    static java.util.Optional<Problem> checkStoreOptions(JsonNode options, String path) {
        JsonNode check = options.get("duplicationCheckOptions");
        JsonNode ids = SchemaValidator.absent(check) ? null : check.get("excludedMemberIds");
        if (SchemaValidator.absent(ids)) {
            return java.util.Optional.empty();
        }
        String idsPath = path + ".duplicationCheckOptions.excludedMemberIds";
        if (ids.size() > MAX_EXCLUDED_MEMBER_IDS) {
            return java.util.Optional.of(Problem.invalid(idsPath));
        }
        for (JsonNode id : ids) {
            if (!id.isString() || !MEMBER_ID.matcher(id.stringValue()).matches()) {
                return java.util.Optional.of(Problem.invalid(idsPath));
            }
        }
        return java.util.Optional.empty();
    }

    /** OAS DuplicationCheckOptions.excludedMemberIds: "最大20個まで設定可能です". */
    static final int MAX_EXCLUDED_MEMBER_IDS = 20;
    static final java.util.regex.Pattern MEMBER_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9@_.-]{1,60}");

    private static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }
}
