package jp.kessai.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeds for the fuzz targets, read from the golden files under {@code src/test/resources}: every wire sample the
 * project already trusts. A target lists them with {@code @MethodSource} before {@code @FuzzTest}; in regression
 * mode (the fast tier) each seed is one invocation, in fuzzing mode Jazzer starts its corpus from them.
 */
public final class GoldenSeeds {

    private static final Path RESOURCES = Path.of("src", "test", "resources");

    private GoldenSeeds() {}

    /** The bytes of every file under {@code src/test/resources/<folder>} whose name ends with one of {@code suffixes}. */
    public static List<byte[]> files(String folder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(RESOURCES.resolve(folder))) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                for (String suffix : suffixes) {
                    if (name.endsWith(suffix)) {
                        seeds.add(Files.readAllBytes(file));
                        break;
                    }
                }
            }
            if (seeds.isEmpty()) {
                throw new IllegalStateException("no golden files under " + RESOURCES.resolve(folder));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code byte[]} argument per seed, named by its index (the bytes may be large or unprintable). */
    public static Stream<Arguments> arguments(List<byte[]> seeds) {
        return java.util.stream.IntStream.range(0, seeds.size())
                .mapToObj(i -> Arguments.argumentSet("golden seed " + i, (Object) seeds.get(i)));
    }

    /** {@code prefix} followed by {@code bytes}: seeds for targets whose first byte picks what to fuzz. */
    public static byte[] prefixed(int prefix, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = (byte) prefix;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }
}
