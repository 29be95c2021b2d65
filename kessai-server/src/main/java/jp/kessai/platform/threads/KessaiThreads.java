package jp.kessai.platform.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Where Kessai's threads come from: virtual threads (the decided stack), except when Kessai runs from the release jar
 * itself ({@code java -jar kessai-<version>.jar}). There every class and resource is read through Spring Boot's
 * nested-jar class loader, whose monitors stall virtual threads: a virtual thread loading a class stays pinned to its
 * carrier while it waits for the jar's monitor, and once every carrier is pinned so, the virtual thread holding that
 * monitor can never run again — the node stops answering for good (seen by the reliability battery under load on
 * 2 cores; spring-projects/spring-boot#51463, open). So a node started from the release jar serves on platform threads
 * (Tomcat's request threads, the scheduler, processor calls, notification deliveries); {@code ./mvnw spring-boot:run},
 * the container image and the tests load classes from plain jars and directories and keep virtual threads
 * (docs/operations.md, "Threads").
 */
public final class KessaiThreads {

    /** Spring Boot's switch for Tomcat's request threads, the scheduler and the task executors. */
    static final String SPRING_VIRTUAL = "spring.threads.virtual.enabled";

    private static volatile boolean virtual = true;

    private KessaiThreads() {}

    /**
     * Chooses the threads for a node whose application classes were loaded by {@code loader}; called by {@code main}
     * before Spring starts. An explicit {@code -Dspring.threads.virtual.enabled} is left as the operator set it for
     * Spring's threads (Kessai's own follow the class loader).
     */
    public static void chooseFor(ClassLoader loader) {
        if (nestedJar(loader.getClass().getName())) {
            virtual = false;
            if (System.getProperty(SPRING_VIRTUAL) == null) {
                System.setProperty(SPRING_VIRTUAL, "false");
            }
        }
    }

    /** Whether a class loader of this class is Spring Boot's launcher's (the release jar run with {@code java -jar}). */
    static boolean nestedJar(String classLoaderClassName) {
        return classLoaderClassName.startsWith("org.springframework.boot.loader.");
    }

    /** True unless this node runs from the release jar. */
    public static boolean virtual() {
        return virtual;
    }

    /** Threads named {@code name-0}, {@code name-1}, …: virtual, or daemon platform threads on the release jar. */
    public static ThreadFactory factory(String name) {
        return factory(name, virtual);
    }

    static ThreadFactory factory(String name, boolean virtual) {
        return virtual ? Thread.ofVirtual().name(name + "-", 0).factory()
                : Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
    }

    /** A new thread per task, from {@link #factory(String)}. */
    public static ExecutorService perTask(String name) {
        return Executors.newThreadPerTaskExecutor(factory(name));
    }
}
