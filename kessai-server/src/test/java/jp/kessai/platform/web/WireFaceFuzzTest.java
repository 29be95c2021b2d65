package jp.kessai.platform.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import jp.kessai.fuzz.GoldenSeeds;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: the one decision of which face answers a path, and what a status Tomcat set means, from any request
 * target (as Tomcat hands it over, ISO-8859-1). Neither throws; the normalised path is absolute with no empty, "." or
 * ".." segment; whatever the target, some face answers and a 400 from Tomcat never becomes a server error.
 */
class WireFaceFuzzTest {

    static Stream<Arguments> seeds() {
        return GoldenSeeds.arguments(Stream.of("/payment/EntryTranJcbPreca.idPass", "//credit/charge",
                "/payment/../payment/X.idPass/", "/credit/charge%00", "/sandbox/shops;x=1?y=/payment/")
                .map(path -> path.getBytes(StandardCharsets.ISO_8859_1)).toList());
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5s")
    void pathToFaceAndTomcatStatus(byte[] target) {
        String path = new String(target, StandardCharsets.ISO_8859_1);
        String normalised = WireFace.normalise(path);
        check(normalised.startsWith("/"), "not absolute: " + normalised);
        for (String segment : List.of("//", "/./", "/../")) {
            check(!normalised.contains(segment), "kept " + segment + ": " + normalised);
        }
        check(!normalised.endsWith("/.") && !normalised.endsWith("/.."), "kept a dot segment: " + normalised);
        check(WireFace.of(path) != null, "no face");
        check(FaceErrorReportValve.refusal(400, path) != Refusal.SERVER_ERROR, "a 400 became a server error");
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
