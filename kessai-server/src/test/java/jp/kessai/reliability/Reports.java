package jp.kessai.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The figures of a run, appended to {@code target/reliability/figures.txt} (what docs/reliability.md quotes). */
final class Reports {

    private Reports() {}

    static void figure(String test, String text) {
        String line = Instant.now() + " [" + BatteryMode.current().name() + "] " + test + ": " + text + "\n";
        System.out.print(line);
        try {
            Path file = Path.of("target", "reliability", "figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
