package jp.kessai.processor;

/** The call may or may not have taken effect at the processor (timeout, lost answer). Never guess: reconcile. */
public class ProcessorOutcomeUnknownException extends RuntimeException {
    public ProcessorOutcomeUnknownException(String message) {
        super(message, null, false, false);
    }
}
