package jp.kessai.face.idpass;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kessai.fuzz.GoldenSeeds;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: the protocol type's form decoding (Windows-31J percent-encoding, {@code &} and {@code =} split on raw
 * bytes) and every parameter rule of the seed tables ({@link IdPassParams}), from any request body. Whatever the
 * bytes: decoding never throws, every rule answers with nine-character ErrInfo codes, a value a rule lets through is
 * storable and within its byte length, and any decoded value can be written back in a response. Seeded from the
 * golden files under {@code src/test/resources/idpass}. docs/reliability.md says how to run it long.
 */
class IdPassFormFuzzTest {

    private static final List<Param> RULES = everyRule();
    private static final Pattern ERR_INFO = Pattern.compile("[A-Z0-9]{9}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");

    static Stream<Arguments> goldenFiles() {
        return GoldenSeeds.arguments(GoldenSeeds.files("idpass", ".txt"));
    }

    @MethodSource("goldenFiles")
    @FuzzTest(maxDuration = "5s")
    void formDecodingAndParameterRules(byte[] body) {
        IdPassRequest request = IdPassCodec.decode(body);
        for (Param rule : RULES) {
            String value = request.get(rule.name());
            List<IdPassError> errors = rule.check(value);
            for (IdPassError error : errors) {
                check(ERR_INFO.matcher(error.errInfo()).matches(), rule.name() + " answered " + error.errInfo());
            }
            if (errors.isEmpty() && value != null) {
                check(!CONTROL.matcher(value).find(), rule.name() + " let a control character through");
                check(value.getBytes(IdPassCodec.WINDOWS_31J).length <= rule.maxBytes(), rule.name() + " let an over-long value through");
                check(rule.allowed().matcher(value).matches(), rule.name() + " let a value outside its class through");
            }
            check(value != null || !rule.required() || errors.size() == 1, rule.name() + ": a missing value is one error");
        }
        var echo = IdPassResponse.ok();
        for (Map.Entry<String, String> parameter : request.parameters().entrySet()) {
            echo.put(parameter.getKey(), parameter.getValue());
        }
        IdPassCodec.encode(echo); // must not throw, whatever the text
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }

    /** Every rule the endpoints use: the Param constants of IdPassParams. */
    private static List<Param> everyRule() {
        List<Param> rules = new ArrayList<>();
        for (Field field : IdPassParams.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Param.class) {
                try {
                    field.setAccessible(true);
                    rules.add((Param) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (rules.size() < 20) {
            throw new IllegalStateException("IdPassParams has fewer rules than expected: " + rules.size());
        }
        return rules;
    }
}
