package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.vault.Member;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** 会員管理: /member/create, /member/inquiry, /member/delete and /member/deleteItem over the core's {@link Vault}. */
final class MemberEndpoints {

    private MemberEndpoints() {}

    /** POST /member/create (idempotent): 201 {memberId, memberName}. */
    @Component
    static class Create extends CheckedEndpoint {

        private final Vault vault;
        private final VaultViews views;

        Create(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            super(mapper, json, "/member/create", true);
            this.vault = vault;
            this.views = views;
        }

        @Override
        Optional<Problem> validate(JsonNode body) {
            return validator.validate("MemberCreateRequest", body, "");
        }

        @Override
        Reply run(OpenApiCall call) {
            var outcome = vault.createMember(call.shop(), text(call.body(), "memberId"), text(call.body(), "memberName"),
                    call.idempotency().joining(this::render));
            return call.idempotency().answer(outcome, this::render);
        }

        private Reply render(VaultOutcome<Member> outcome) {
            return views.reply(outcome, path(), 201, member -> {
                ObjectNode node = json.object();
                node.put("memberId", member.memberId());
                OpenApiJson.put(node, "memberName", member.memberName());
                return node;
            });
        }
    }

    /** POST /member/inquiry (no Idempotency-Key): 200 {memberId, memberName, onfileCards, onfileWallets}. */
    @Component
    static class Inquiry extends CheckedEndpoint {

        private final Vault vault;
        private final VaultViews views;

        Inquiry(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            super(mapper, json, "/member/inquiry", false);
            this.vault = vault;
            this.views = views;
        }

        @Override
        Optional<Problem> validate(JsonNode body) {
            return validator.validate("MemberInquiryRequest", body, "");
        }

        @Override
        Reply run(OpenApiCall call) {
            String type = text(call.body(), "onfileType");
            return views.reply(vault.inquire(call.shop(), text(call.body(), "memberId")), path(), 200, member -> {
                ObjectNode node = json.object();
                node.put("memberId", member.memberId());
                OpenApiJson.put(node, "memberName", member.memberName());
                if (type == null || "CARD".equals(type)) {
                    node.set("onfileCards", views.onfileCards(member.cards()));
                }
                if (type == null || "WALLET".equals(type)) {
                    node.set("onfileWallets", json.object().arrayNode()); // Kessai stores no wallet consents yet
                }
                return node;
            });
        }
    }

    /** POST /member/delete (idempotent): 202 {memberId, deletedCards (as they were), deletedWallets}. */
    @Component
    static class Delete extends CheckedEndpoint {

        private final Vault vault;
        private final VaultViews views;

        Delete(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            super(mapper, json, "/member/delete", true);
            this.vault = vault;
            this.views = views;
        }

        @Override
        Optional<Problem> validate(JsonNode body) {
            return validator.validate("MemberDeleteRequest", body, "");
        }

        @Override
        Reply run(OpenApiCall call) {
            var outcome = vault.deleteMember(call.shop(), text(call.body(), "memberId"),
                    call.idempotency().joining(this::render));
            return call.idempotency().answer(outcome, this::render);
        }

        private Reply render(VaultOutcome<Member> outcome) {
            return views.reply(outcome, path(), 202, member -> {
                ObjectNode node = json.object();
                node.put("memberId", member.memberId());
                node.set("deletedCards", views.onfileCards(member.cards()));
                node.set("deletedWallets", json.object().arrayNode());
                return node;
            });
        }
    }

    /** POST /member/deleteItem (idempotent): a card → 201 {memberId, deletedCard (as it was)}. */
    @Component
    static class DeleteItem extends CheckedEndpoint {

        private final Vault vault;
        private final VaultViews views;

        DeleteItem(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            super(mapper, json, "/member/deleteItem", true);
            this.vault = vault;
            this.views = views;
        }

        /** The body is one of two schemas, told apart by onfileType (required in both). */
        @Override
        Optional<Problem> validate(JsonNode body) {
            Optional<Problem> problem = validator.validate("MemberDeleteItemRequestWallet", body, "")
                    .filter(p -> p.detail().endsWith("(onfileType)"));
            if (problem.isPresent()) {
                return problem;
            }
            if ("WALLET".equals(text(body, "onfileType"))) {
                // Kessai keeps no wallet consents (Pay払い利用承諾) yet: there is never one to delete
                return validator.validate("MemberDeleteItemRequestWallet", body, "")
                        .or(() -> Optional.of(Problem.notAccepted("onfileWalletType")));
            }
            problem = validator.validate("MemberDeleteItemRequestCard", body, "");
            if (problem.isPresent()) {
                return problem;
            }
            if ("APPLE_PAY".equals(text(body, "onfileCardType"))) {
                return Optional.of(Problem.notAccepted("cardId"));
            }
            return Optional.empty();
        }

        @Override
        Reply run(OpenApiCall call) {
            var outcome = vault.deleteCard(call.shop(), text(call.body(), "memberId"),
                    Integer.parseInt(text(call.body(), "cardId")), call.idempotency().joining(this::render));
            return call.idempotency().answer(outcome, this::render);
        }

        private Reply render(VaultOutcome<StoredCard> outcome) {
            return views.reply(outcome, path(), 201, card -> {
                ObjectNode node = json.object();
                node.put("memberId", card.memberId());
                node.set("deletedCard", views.onfileCard(card));
                return node;
            });
        }
    }
}
