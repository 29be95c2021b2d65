package jp.kessai.core.vault;

/**
 * Which stored card of a member: by physical {@code cardId} (wins when set), by logical {@code index} (position among
 * the member's cards that are not deleted, ascending cardId), or — both null — the default card.
 */
public record CardSelector(Integer cardId, Integer index) {

    public static final CardSelector DEFAULT = new CardSelector(null, null);
}
