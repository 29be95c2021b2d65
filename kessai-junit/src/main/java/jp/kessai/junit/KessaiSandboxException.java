package jp.kessai.junit;

/** Kessai's sandbox API refused a request of a handle (the message holds its status and answer). */
public final class KessaiSandboxException extends RuntimeException {

    private final int status;

    KessaiSandboxException(String path, int status, String body) {
        super(path + " answered HTTP " + status + ": " + body);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
