package jp.kessai.core.order;

/** The merchant's free fields (加盟店自由項目1〜3); null when not given. */
public record ClientFields(String field1, String field2, String field3) {
    public static final ClientFields NONE = new ClientFields(null, null, null);
}
