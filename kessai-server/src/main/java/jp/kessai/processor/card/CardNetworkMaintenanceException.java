package jp.kessai.processor.card;

import jp.kessai.processor.ProcessorUnavailableException;

/** The card network announced maintenance: the request was refused before anything happened. */
public class CardNetworkMaintenanceException extends ProcessorUnavailableException {
    public CardNetworkMaintenanceException(String message) {
        super(message);
    }
}
