package jp.kessai.platform.threads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once at start-up which threads serve, when Kessai runs from the release jar (docs/operations.md, "Threads"). */
@Component
class ThreadModeReport {

    private static final Logger log = LoggerFactory.getLogger(ThreadModeReport.class);

    private final Environment environment;

    ThreadModeReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        if (KessaiThreads.virtual()) {
            return;
        }
        if (environment.getProperty(KessaiThreads.SPRING_VIRTUAL, Boolean.class, false)) {
            log.warn("Running from the release jar with spring.threads.virtual.enabled=true: requests are served on virtual "
                    + "threads, which Spring Boot's nested-jar class loader can stall for good under load "
                    + "(docs/operations.md, Threads)");
        } else {
            log.info("Running from the release jar: requests are served on platform threads (at most "
                    + "server.tomcat.threads.max), because Spring Boot's nested-jar class loader can stall virtual threads "
                    + "for good; the container image and ./mvnw spring-boot:run use virtual threads (docs/operations.md, Threads)");
        }
    }
}
