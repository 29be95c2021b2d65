package jp.kessai.core.vault;

import java.util.List;

/** A member (会員) with the cards that are not deleted, in ascending cardId (= index) order. */
public record Member(String memberId, String memberName, List<StoredCard> cards) {

    public Member {
        cards = List.copyOf(cards);
    }
}
