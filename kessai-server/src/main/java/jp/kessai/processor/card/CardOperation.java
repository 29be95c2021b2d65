package jp.kessai.processor.card;

/** What the acquirer did with one operation reference, for settling calls whose answer was lost. */
public record CardOperation(String reference, Kind kind, CardAnswer answer) {

    public enum Kind {
        AUTHORIZE,
        CAPTURE,
        VOID,
        CHANGE
    }
}
