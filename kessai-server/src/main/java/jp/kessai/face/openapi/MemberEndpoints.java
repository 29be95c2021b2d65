package jp.kessai.face.openapi;

import static jp.kessai.face.openapi.CreditChargeEndpoint.text;

import java.util.Optional;
import jp.kessai.core.vault.Member;
import jp.kessai.core.vault.StoredCard;
import jp.kessai.core.vault.Vault;
import jp.kessai.core.vault.VaultOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** 会員管理: /member/create, /member/inquiry, /member/delete and /member/deleteItem over the core's {@link Vault}. */
final class MemberEndpoints {

    private MemberEndpoints() {}

    /** POST /member/create (idempotent): 201 {memberId, memberName}. */
    @Component
    static class Create implements OpenApiOperation {

        private final SchemaValidator validator;
        private final Vault vault;
        private final VaultViews views;
        private final OpenApiJson json;

        Create(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            this.validator = SchemaValidator.fromClasspath(mapper);
            this.vault = vault;
            this.views = views;
            this.json = json;
        }

        @Override
        public String path() {
            return "/member/create";
        }

        @Override
        public boolean idempotent() {
            return true;
        }

        @Override
        public Reply handle(OpenApiCall call) {
            Optional<Problem> problem = validator.validate("MemberCreateRequest", call.body(), "");
            if (problem.isPresent()) {
                return json.problem(problem.get(), path());
            }
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
    static class Inquiry implements OpenApiOperation {

        private final SchemaValidator validator;
        private final Vault vault;
        private final VaultViews views;
        private final OpenApiJson json;

        Inquiry(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            this.validator = SchemaValidator.fromClasspath(mapper);
            this.vault = vault;
            this.views = views;
            this.json = json;
        }

        @Override
        public String path() {
            return "/member/inquiry";
        }

        @Override
        public boolean idempotent() {
            return false;
        }

        @Override
        public Reply handle(OpenApiCall call) {
            Optional<Problem> problem = validator.validate("MemberInquiryRequest", call.body(), "");
            if (problem.isPresent()) {
                return json.problem(problem.get(), path());
            }
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
    static class Delete implements OpenApiOperation {

        private final SchemaValidator validator;
        private final Vault vault;
        private final VaultViews views;
        private final OpenApiJson json;

        Delete(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            this.validator = SchemaValidator.fromClasspath(mapper);
            this.vault = vault;
            this.views = views;
            this.json = json;
        }

        @Override
        public String path() {
            return "/member/delete";
        }

        @Override
        public boolean idempotent() {
            return true;
        }

        @Override
        public Reply handle(OpenApiCall call) {
            Optional<Problem> problem = validator.validate("MemberDeleteRequest", call.body(), "");
            if (problem.isPresent()) {
                return json.problem(problem.get(), path());
            }
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
    static class DeleteItem implements OpenApiOperation {

        private final SchemaValidator validator;
        private final Vault vault;
        private final VaultViews views;
        private final OpenApiJson json;

        DeleteItem(JsonMapper mapper, Vault vault, VaultViews views, OpenApiJson json) {
            this.validator = SchemaValidator.fromClasspath(mapper);
            this.vault = vault;
            this.views = views;
            this.json = json;
        }

        @Override
        public String path() {
            return "/member/deleteItem";
        }

        @Override
        public boolean idempotent() {
            return true;
        }

        @Override
        public Reply handle(OpenApiCall call) {
            // the body is one of two schemas, told apart by onfileType (required in both)
            Optional<Problem> problem = validator.validate("MemberDeleteItemRequestWallet", call.body(), "")
                    .filter(p -> p.detail().endsWith("(onfileType)"));
            if (problem.isPresent()) {
                return json.problem(problem.get(), path());
            }
            if ("WALLET".equals(text(call.body(), "onfileType"))) {
                problem = validator.validate("MemberDeleteItemRequestWallet", call.body(), "");
                // Kessai keeps no wallet consents (Pay払い利用承諾) yet: there is never one to delete
                return json.problem(problem.orElse(Problem.notAccepted("onfileWalletType")), path());
            }
            problem = validator.validate("MemberDeleteItemRequestCard", call.body(), "");
            if (problem.isPresent()) {
                return json.problem(problem.get(), path());
            }
            if ("APPLE_PAY".equals(text(call.body(), "onfileCardType"))) {
                return json.problem(Problem.notAccepted("cardId"), path());
            }
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
