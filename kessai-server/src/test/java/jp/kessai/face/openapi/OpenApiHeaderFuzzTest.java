package jp.kessai.face.openapi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import jp.kessai.fuzz.GoldenSeeds;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: the header validators of the OpenAPI face — Idempotency-Key text and X-MP-Version — from any header
 * value (decoded as Tomcat does, ISO-8859-1). Neither throws; an accepted key holds no control character, and a
 * resolved version is one Kessai supports.
 */
class OpenApiHeaderFuzzTest {

    static Stream<Arguments> seeds() {
        return GoldenSeeds.arguments(List.of("2023-06".getBytes(StandardCharsets.US_ASCII),
                "0b0b6c1e-6a4f-4f5e-9e64-3b0b1c2d3e4f".getBytes(StandardCharsets.US_ASCII),
                "key with space".getBytes(StandardCharsets.US_ASCII)));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5s")
    void idempotencyKeyAndVersionHeaders(byte[] header) {
        String value = new String(header, StandardCharsets.ISO_8859_1);
        if (IdempotencyKeyText.acceptable(value)) {
            for (char c : value.toCharArray()) {
                if (c < 0x20 || c == 0x7F) {
                    throw new AssertionError("an Idempotency-Key with U+" + Integer.toHexString(c) + " was accepted");
                }
            }
        }
        String version = ApiVersions.resolve(value);
        if (!ApiVersions.SUPPORTED.contains(version)) {
            throw new AssertionError("resolved to an unsupported version: " + version);
        }
    }
}
