package jp.kessai.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Kessai's time goes, from a JDK Flight Recorder file taken during one workload phase:
 * {@code jfr-summary --file kessai.jfr [--ops N]}. CPU samples by layer (a sample counts for every layer on its
 * stack), Kessai's own methods, the hottest frames, machine and JVM CPU load, GC pauses, and the waits.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    private static final List<String> LAYERS = List.of("jp.kessai", "org.springframework.web", "org.apache.catalina",
            "org.apache.coyote", "org.apache.tomcat", "io.micrometer", "org.springframework.jdbc",
            "org.springframework.transaction", "org.postgresql", "com.zaxxer.hikari", "tools.jackson",
            "javax.crypto", "com.sun.crypto", "sun.security", "java.util.regex", "ch.qos.logback", "org.slf4j");

    static void main(Map<String, String> a) throws Exception {
        Map<String, Integer> layer = new TreeMap<>();
        Map<String, Integer> kessai = new TreeMap<>();
        Map<String, Integer> self = new TreeMap<>();
        Map<String, Integer> waits = new TreeMap<>();
        int samples = 0;
        double jvmUser = 0;
        double jvmSystem = 0;
        double machine = 0;
        int loads = 0;
        Duration gcPause = Duration.ZERO;
        int gcs = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a.get("file")))) {
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    if (e.getStackTrace() == null) {
                        continue;
                    }
                    List<RecordedFrame> frames = e.getStackTrace().getFrames();
                    if (!frames.isEmpty()) {
                        self.merge(name(frames.get(0)), 1, Integer::sum);
                    }
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        for (String l : LAYERS) {
                            if (n.startsWith(l) && seen.add(l)) {
                                layer.merge(l, 1, Integer::sum);
                            }
                        }
                        if (n.startsWith("jp.kessai") && seen.add(n)) {
                            kessai.merge(n, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.CPULoad" -> {
                    jvmUser += e.getFloat("jvmUser");
                    jvmSystem += e.getFloat("jvmSystem");
                    machine += e.getFloat("machineTotal");
                    loads++;
                }
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPause = gcPause.plus(e.getDuration("sumOfPauses"));
                }
                case "jdk.SocketRead", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait" -> {
                    String where = "?";
                    if (e.getStackTrace() != null) {
                        for (RecordedFrame f : e.getStackTrace().getFrames()) {
                            String n = name(f);
                            if (n.startsWith("jp.kessai") || n.startsWith("com.zaxxer") || n.startsWith("org.postgresql")) {
                                where = n;
                                break;
                            }
                        }
                    }
                    waits.merge(type + " in " + where + " (ms total)", (int) e.getDuration().toMillis(), Integer::sum);
                    waits.merge(type + " in " + where + " (count)", 1, Integer::sum);
                }
                default -> {
                }
            }
        }
        System.out.printf("JFR %s: %d CPU samples%n", a.get("file"), samples);
        if (loads > 0) {
            System.out.printf("  CPU load (share of all cores): machine %.0f%%, Kessai JVM user %.0f%% + system %.0f%%%n",
                    100 * machine / loads, 100 * jvmUser / loads, 100 * jvmSystem / loads);
        }
        System.out.printf("  GC: %d collections, %d ms of pauses%n", gcs, gcPause.toMillis());
        print("  CPU samples by layer (inclusive)", layer, samples, 20);
        print("  Kessai methods (inclusive)", kessai, samples, 25);
        print("  hottest frames (self)", self, samples, 15);
        System.out.println("  waits (events over the recording's thresholds)");
        top(waits, 20).forEach((k, v) -> System.out.printf("    %8d  %s%n", v, k));
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static void print(String title, Map<String, Integer> m, int total, int n) {
        System.out.println(title);
        top(m, n).forEach((k, v) -> System.out.printf("    %5.1f%%  %s%n", total == 0 ? 0 : 100.0 * v / total, k));
    }

    static Map<String, Integer> top(Map<String, Integer> m, int n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
