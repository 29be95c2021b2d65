package jp.kessai.platform.threads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once at start-up which threads serve, when they are not the virtual threads of the decided stack. */
@Component
class ThreadModeReport {

    private static final Logger log = LoggerFactory.getLogger(ThreadModeReport.class);

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        if (!KessaiThreads.virtual()) {
            log.info("Running from the release jar: requests are served on platform threads (at most "
                    + "server.tomcat.threads.max), because Spring Boot's nested-jar class loader can stall virtual threads "
                    + "for good; the container image and ./mvnw spring-boot:run use virtual threads (docs/operations.md, Threads)");
        }
    }
}
