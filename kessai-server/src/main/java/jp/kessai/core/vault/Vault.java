package jp.kessai.core.vault;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.vault.internal.CardAad;
import jp.kessai.core.vault.internal.VaultStore;
import jp.kessai.core.vault.internal.VaultStore.CardRow;
import jp.kessai.core.vault.internal.VaultStore.MemberRow;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.card.CardBrand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The card vault: members (会員) and their stored cards, shared by every face (the OpenAPI type's /member/* and
 * on-file card payments now, ROBOT PAYMENT's users later). Rules (seed 003, OAS 1.6.2, docs/compatibility.md):
 * <ul>
 * <li>a memberId is unique per shop and never reused, not even after the member was deleted;</li>
 * <li>at most {@value #MAX_CARDS} cards per member that are not deleted; physical cardIds count up from 0 and are
 * never reused; the logical index is the position among the cards that are not deleted, ascending cardId;</li>
 * <li>at most one default card; storing with setDefault makes the card the only default;</li>
 * <li>deleted cards cannot pay and disappear from inquiries;</li>
 * <li>card numbers are sealed by {@link VaultKeys} bound to (shop, member, cardId); security codes never arrive here.</li>
 * </ul>
 * Every change runs in one transaction that locks the member row, and joins a caller's transaction (e.g. the finish
 * of a verification) as a nested one, so that a refusal undoes exactly the vault's own writes. The caller's
 * {@link Participant} (e.g. the face's idempotency record) commits with it.
 */
@Service
public class Vault {

    public static final int MAX_CARDS = 5;
    public static final int MAX_CARD_ID = 9999;

    private final VaultStore store;
    private final VaultKeys keys;
    private final TransactionTemplate tx;
    private final Clock clock;

    Vault(VaultStore store, VaultKeys keys, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** /member/create: a new member; refused when the memberId is or was in use. */
    public VaultOutcome<Member> createMember(Shop shop, String memberId, String memberName,
            Participant<VaultOutcome<Member>> participant) {
        return change(participant, () -> store.insertMember(shop.id(), memberId, memberName, clock.instant())
                .map(row -> VaultOutcome.ok(new Member(row.memberId(), row.memberName(), List.of())))
                .orElseGet(() -> VaultOutcome.refused(ResultCode.MEMBER_ALREADY_EXISTS)));
    }

    /** /member/inquiry: the member and its cards that are not deleted. */
    public VaultOutcome<Member> inquire(Shop shop, String memberId) {
        return store.findByShopAndMemberId(shop.id(), memberId).filter(m -> !m.deleted())
                .map(m -> VaultOutcome.ok(new Member(m.memberId(), m.memberName(), views(m, store.activeCards(m)))))
                .orElseGet(() -> VaultOutcome.refused(ResultCode.MEMBER_NOT_FOUND));
    }

    /** /member/delete: deletes the member and its cards; the cards come back as they were before. */
    public VaultOutcome<Member> deleteMember(Shop shop, String memberId, Participant<VaultOutcome<Member>> participant) {
        return change(participant, () -> {
            MemberRow member = liveMember(shop, memberId);
            if (member == null) {
                return VaultOutcome.refused(ResultCode.MEMBER_NOT_FOUND);
            }
            var before = views(member, store.activeCards(member));
            store.deleteMember(member, clock.instant());
            return VaultOutcome.ok(new Member(member.memberId(), member.memberName(), before));
        });
    }

    /** /member/deleteItem: deletes one card; it comes back as it was before (index, isDefault). */
    public VaultOutcome<StoredCard> deleteCard(Shop shop, String memberId, int cardId,
            Participant<VaultOutcome<StoredCard>> participant) {
        return change(participant, () -> {
            MemberRow member = liveMember(shop, memberId);
            if (member == null) {
                return VaultOutcome.refused(ResultCode.MEMBER_NOT_FOUND);
            }
            List<CardRow> cards = store.activeCards(member);
            for (int i = 0; i < cards.size(); i++) {
                if (cards.get(i).cardId() == cardId) {
                    store.deleteCard(cards.get(i), clock.instant());
                    return VaultOutcome.ok(view(member, cards.get(i), i));
                }
            }
            return VaultOutcome.refused(ResultCode.ONFILE_CARD_NOT_FOUND);
        });
    }

    /**
     * Stores a card per {@code options}: a new card, or the card {@code options.cardId()} overwritten. Creates the
     * member when asked. Refusals come before any write.
     */
    public VaultOutcome<StoreResult> store(Shop shop, CardData card, StoreOptions options,
            Participant<VaultOutcome<StoreResult>> participant) {
        return change(participant, () -> storeLocked(shop, card, options));
    }

    /** The refusal {@link #store} would give now, without writing (checked again, under lock, by the store itself). */
    public ResultCode checkStorable(Shop shop, CardNumber pan, StoreOptions options) {
        MemberRow member = store.findByShopAndMemberId(shop.id(), options.memberId()).orElse(null);
        return refusal(shop, member, store.activeCardsIfAny(member), pan, options);
    }

    /** The card a charge or verification uses, opened: by cardId, by index, or the default card. */
    public VaultOutcome<ChargeableCard> cardForCharge(Shop shop, String memberId, CardSelector selector) {
        MemberRow member = store.findByShopAndMemberId(shop.id(), memberId).filter(m -> !m.deleted()).orElse(null);
        if (member == null) {
            return VaultOutcome.refused(ResultCode.MEMBER_NOT_FOUND);
        }
        List<CardRow> cards = store.activeCards(member);
        int index = select(cards, selector);
        if (index < 0) {
            return VaultOutcome.refused(ResultCode.ONFILE_CARD_NOT_FOUND);
        }
        CardRow row = cards.get(index);
        CardNumber pan = keys.openCardNumber(row.keyId(), row.sealed(), CardAad.of(shop.id(), memberId, row.cardId()));
        return VaultOutcome.ok(new ChargeableCard(view(member, row, index),
                new CardData(pan, row.expiryMonth(), row.expiryYear(), row.cardholderName())));
    }

    /** A stored card as it may be shown (masked), by cardId, index or default, without opening its number. */
    public VaultOutcome<StoredCard> card(Shop shop, String memberId, CardSelector selector) {
        MemberRow member = store.findByShopAndMemberId(shop.id(), memberId).filter(m -> !m.deleted()).orElse(null);
        if (member == null) {
            return VaultOutcome.refused(ResultCode.MEMBER_NOT_FOUND);
        }
        List<CardRow> cards = store.activeCards(member);
        int index = select(cards, selector);
        return index < 0 ? VaultOutcome.refused(ResultCode.ONFILE_CARD_NOT_FOUND)
                : VaultOutcome.ok(view(member, cards.get(index), index));
    }

    /** /credit/getCardDetails: {@link #card}, for shops with the card details option contract only. */
    public VaultOutcome<StoredCard> cardDetails(Shop shop, String memberId, CardSelector selector) {
        if (!shop.settings().cardDetailsContracted()) {
            return VaultOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
        }
        return card(shop, memberId, selector);
    }

    /**
     * The details of a card the merchant holds only as a token (/credit/getCardDetails with an MP token): shown as a
     * stored card is (number masked to its last four digits), nothing stored; the same option contract.
     */
    public VaultOutcome<StoredCard> cardDetails(Shop shop, CardNumber pan, String expiryMonth, String expiryYear,
            String cardholderName) {
        if (!shop.settings().cardDetailsContracted()) {
            return VaultOutcome.refused(ResultCode.METHOD_NOT_CONTRACTED);
        }
        return VaultOutcome.ok(new StoredCard(null, 0, null, pan.masked(), brandOf(pan), expiryMonth, expiryYear,
                cardholderName, false));
    }

    /**
     * Replaces the holder name of a stored card (an on-file payment or a verification with a new cardholderName,
     * once it succeeded). Joins the caller's transaction. A card deleted meanwhile is left alone.
     */
    public void updateCardholderName(Shop shop, String memberId, int cardId, String cardholderName) {
        tx.executeWithoutResult(status -> {
            MemberRow member = liveMember(shop, memberId);
            if (member == null) {
                return;
            }
            store.activeCards(member).stream().filter(c -> c.cardId() == cardId).findFirst()
                    .ifPresent(card -> store.updateCardholderName(card, cardholderName, clock.instant()));
        });
    }

    private <T> VaultOutcome<T> change(Participant<VaultOutcome<T>> participant, Supplier<VaultOutcome<T>> work) {
        return tx.execute(status -> {
            if (!participant.atClaim()) {
                status.setRollbackOnly();
                return VaultOutcome.refused(participant.refusal());
            }
            VaultOutcome<T> result = work.get();
            participant.atFinish(result);
            return result;
        });
    }

    private VaultOutcome<StoreResult> storeLocked(Shop shop, CardData card, StoreOptions options) {
        Instant now = clock.instant();
        MemberRow member = store.lockByShopAndMemberId(shop.id(), options.memberId()).orElse(null);
        ResultCode refusal = refusal(shop, member, store.activeCardsIfAny(member), card.pan(), options);
        if (refusal != null) {
            return VaultOutcome.refused(refusal);
        }
        boolean created = false;
        if (member == null) {
            member = store.insertMember(shop.id(), options.memberId(), options.memberName(), now).orElse(null);
            if (member == null) { // another request created it since the lock: decide again on the new row
                return storeLocked(shop, card, options);
            }
            created = true;
        }
        byte[] fingerprint = keys.fingerprint(shop.mode(), shop.id(), card.pan());
        String brand = brandOf(card.pan());
        String masked = card.pan().masked();
        int cardId;
        if (options.cardId() != null) {
            cardId = options.cardId();
            CardRow existing = find(store.activeCards(member), cardId).orElseThrow();
            var sealed = keys.sealCardNumber(shop.mode(), card.pan(), CardAad.of(shop.id(), member.memberId(), cardId));
            store.overwriteCard(existing, sealed.keyId(), sealed.ciphertext(), masked, fingerprint, brand,
                    card.expiryMonth(), card.expiryYear(), card.cardholderName(), now);
        } else {
            cardId = store.takeCardId(member, now);
            var sealed = keys.sealCardNumber(shop.mode(), card.pan(), CardAad.of(shop.id(), member.memberId(), cardId));
            store.insertCard(member, cardId, sealed.keyId(), sealed.ciphertext(), masked, fingerprint, brand,
                    card.expiryMonth(), card.expiryYear(), card.cardholderName(), now);
        }
        if (options.setDefault()) {
            store.makeDefault(member, cardId, now);
        }
        List<CardRow> cards = store.activeCards(member);
        int index = indexOf(cards, cardId);
        return VaultOutcome.ok(new StoreResult(member.memberId(), member.memberName(), view(member, cards.get(index), index),
                created));
    }

    /** Why {@code options} cannot store {@code pan} now, or null. */
    private ResultCode refusal(Shop shop, MemberRow member, List<CardRow> cards, CardNumber pan, StoreOptions options) {
        if (member != null && member.deleted()) {
            return options.createNewMember() ? ResultCode.MEMBER_ALREADY_EXISTS : ResultCode.MEMBER_NOT_FOUND;
        }
        if (member == null && !options.createNewMember()) {
            return ResultCode.MEMBER_NOT_FOUND;
        }
        if (options.cardId() != null) {
            if (find(cards, options.cardId()).isEmpty()) {
                return ResultCode.ONFILE_CARD_NOT_FOUND;
            }
        } else if (cards.size() >= MAX_CARDS || (member != null && member.nextCardId() > MAX_CARD_ID)) {
            return ResultCode.ONFILE_CARD_LIMIT_EXCEEDED;
        }
        var check = options.duplicationCheck();
        if (check.enabled() && store.fingerprintHeldByAnotherMember(shop.id(), member == null ? -1 : member.pk(),
                keys.fingerprint(shop.mode(), shop.id(), pan), check.includeDeletedCards(), check.excludedMemberIds())) {
            return ResultCode.ONFILE_CARD_DUPLICATED;
        }
        return null;
    }

    private MemberRow liveMember(Shop shop, String memberId) {
        return store.lockByShopAndMemberId(shop.id(), memberId).filter(m -> !m.deleted()).orElse(null);
    }

    private static int select(List<CardRow> cards, CardSelector selector) {
        if (selector.cardId() != null) {
            return indexOf(cards, selector.cardId());
        }
        if (selector.index() != null) {
            return selector.index() >= 0 && selector.index() < cards.size() ? selector.index() : -1;
        }
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).isDefault()) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<CardRow> cards, int cardId) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).cardId() == cardId) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<CardRow> find(List<CardRow> cards, int cardId) {
        return cards.stream().filter(c -> c.cardId() == cardId).findFirst();
    }

    private static List<StoredCard> views(MemberRow member, List<CardRow> cards) {
        List<StoredCard> views = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            views.add(view(member, cards.get(i), i));
        }
        return views;
    }

    private static StoredCard view(MemberRow member, CardRow row, int index) {
        return new StoredCard(member.memberId(), row.cardId(), index, row.masked(), row.brand(), row.expiryMonth(),
                row.expiryYear(), row.cardholderName(), row.isDefault());
    }

    /** The brand by the card number's prefix (the acquirer's rule; the vault stores it to show without opening). */
    static String brandOf(CardNumber pan) {
        return CardBrand.of(pan).name();
    }
}
