package jp.kessai.processor;

/** The processor refused or could not be reached before anything happened there. */
public class ProcessorUnavailableException extends RuntimeException {
    public ProcessorUnavailableException(String message) {
        super(message, null, false, false);
    }
}
