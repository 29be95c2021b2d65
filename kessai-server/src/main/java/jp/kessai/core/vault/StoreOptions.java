package jp.kessai.core.vault;

import java.util.List;

/**
 * How to store a card (OAS OnfileCardOptions): the member, a name for a member created now, the cardId to overwrite
 * (null: a new card), whether to create a missing member, whether the card becomes the default, and the duplicate
 * check.
 */
public record StoreOptions(String memberId, String memberName, Integer cardId, boolean createNewMember,
        boolean setDefault, DuplicationCheck duplicationCheck) {

    public StoreOptions {
        duplicationCheck = duplicationCheck == null ? DuplicationCheck.NONE : duplicationCheck;
    }

    /**
     * OAS DuplicationCheckOptions: refuse a number another member of the shop already holds (not the same member,
     * not the expiry), optionally counting deleted cards, ignoring the listed members.
     */
    public record DuplicationCheck(boolean enabled, boolean includeDeletedCards, List<String> excludedMemberIds) {

        public static final DuplicationCheck NONE = new DuplicationCheck(false, false, List.of());

        public DuplicationCheck {
            excludedMemberIds = excludedMemberIds == null ? List.of() : List.copyOf(excludedMemberIds);
        }
    }
}
