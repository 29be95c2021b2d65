package jp.kessai.core.token;

import jp.kessai.platform.logging.ExceptionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute on every node: expired tokens lose their card data, and day-old ones their rows (SKIP LOCKED). */
@Component
class CardTokenPurge {

    private static final Logger log = LoggerFactory.getLogger(CardTokenPurge.class);
    static final int BATCH = 1000;

    private final CardTokens tokens;

    CardTokenPurge(CardTokens tokens) {
        this.tokens = tokens;
    }

    @Scheduled(fixedDelayString = "${kessai.tokens.purge-interval:60s}", initialDelayString = "${kessai.tokens.purge-interval:60s}")
    void scheduled() {
        try {
            tokens.purge(BATCH);
        } catch (RuntimeException e) {
            log.warn("Card token purge failed; will retry: {}", ExceptionSummary.of(e));
        }
    }
}
