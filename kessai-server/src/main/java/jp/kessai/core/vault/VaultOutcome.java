package jp.kessai.core.vault;

import jp.kessai.core.ResultCode;

/** A vault result: {@code OK} with its value, or a refusal code (value null). */
public record VaultOutcome<T>(ResultCode code, T value) {

    public static <T> VaultOutcome<T> ok(T value) {
        return new VaultOutcome<>(ResultCode.OK, value);
    }

    public static <T> VaultOutcome<T> refused(ResultCode code) {
        return new VaultOutcome<>(code, null);
    }

    public boolean ok() {
        return code == ResultCode.OK;
    }

    @SuppressWarnings("unchecked")
    public <U> VaultOutcome<U> refusal() {
        if (ok()) {
            throw new IllegalStateException("not a refusal");
        }
        return (VaultOutcome<U>) this;
    }
}
