package jp.kessai.core.vault;

/** A stored card and its member (memberName as stored; the name is only set when the member was created). */
public record StoreResult(String memberId, String memberName, StoredCard card, boolean memberCreated) {}
