package jp.kessai.face.idpass;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One input parameter of a seed parameter table: name, ◎ (required), maximum length (bytes in Windows-31J, which
 * equals characters for the ASCII fields) and character class, with the ErrInfo code for each way it can be wrong.
 * A NUMBER parameter may also carry a lower bound (Amount ≥ 1).
 */
record Param(String name, boolean required, int maxBytes, Pattern allowed, String missingCode, String tooLongCode,
        String badCharsCode, long minValue, String rangeCode) {

    static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]+");
    static final Pattern DIGITS = Pattern.compile("[0-9]+");
    static final Pattern NEGATIVE_DIGITS = Pattern.compile("-[0-9]+");
    static final Pattern ANY = Pattern.compile("(?s).*");
    /**
     * Control characters (U+0000–U+001F, U+007F) are outside every parameter's character set, even a reserved one
     * accepted as "anything": no seed field holds them, and U+0000 cannot be stored in PostgreSQL. This is checked for
     * every parameter before its own character class, so a new pattern cannot forget it.
     */
    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");
    /** An absolute http(s) URL of printable ASCII (the result form is posted there by the customer's browser). */
    static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#][\\x21-\\x7E]*)?");
    /**
     * 加盟店自由項目: half-width alphanumerics, half-width symbols except ^ ` { } ~ &amp; &lt; &gt; " ' and full-width
     * (Windows-31J double-byte) characters. Half-width katakana, control characters and anything Windows-31J cannot
     * encode are not allowed.
     */
    static final Pattern CLIENT_FIELD =
            Pattern.compile("(?:[\\x20-\\x7E&&[^\\^`{}~&<>\"']]|[^\\x00-\\x7F\\uFF61-\\uFF9F\\uFFFD])+");
    /** 持ち回り情報: half-width alphanumerics and the symbols the center accepts. */
    static final Pattern CARRY_INFO = Pattern.compile("[A-Za-z0-9 .,:;/()_+*=@#$%!?\\[\\]-]+");

    static Param required(String name, int maxBytes, Pattern allowed, String missing, String tooLong, String badChars) {
        return new Param(name, true, maxBytes, allowed, missing, tooLong, badChars, Long.MIN_VALUE, null);
    }

    static Param optional(String name, int maxBytes, Pattern allowed, String tooLong, String badChars) {
        return new Param(name, false, maxBytes, allowed, null, tooLong, badChars, Long.MIN_VALUE, null);
    }

    /** A NUMBER parameter with a lower bound; a negative number is out of range rather than "not numeric". */
    Param atLeast(long min, String outOfRangeCode) {
        return new Param(name, required, maxBytes, allowed, missingCode, tooLongCode, badCharsCode, min, outOfRangeCode);
    }

    /** The errors of this parameter's value, in the seed's order of checks (missing, length, characters, range). */
    List<IdPassError> check(String value) {
        List<IdPassError> errors = new ArrayList<>(1);
        if (value == null) {
            if (required) {
                errors.add(new IdPassError(missingCode));
            }
            return errors;
        }
        if (rangeCode != null && NEGATIVE_DIGITS.matcher(value).matches()) {
            errors.add(new IdPassError(rangeCode));
            return errors;
        }
        if (value.getBytes(IdPassCodec.WINDOWS_31J).length > maxBytes || !encodable(value)) {
            errors.add(new IdPassError(encodable(value) ? tooLongCode : badCharsCode));
            return errors;
        }
        if (CONTROL.matcher(value).find() || !allowed.matcher(value).matches()) {
            errors.add(new IdPassError(badCharsCode));
            return errors;
        }
        if (rangeCode != null && Long.parseLong(value) < minValue) {
            errors.add(new IdPassError(rangeCode));
        }
        return errors;
    }

    /**
     * Whether the value survives Windows-31J unchanged. canEncode alone is not enough: U+203E (‾) and U+00A5 (¥)
     * are written as '~' and '\\', which would smuggle a forbidden character out or change the value.
     */
    private static boolean encodable(String value) {
        return IdPassCodec.WINDOWS_31J.newEncoder().canEncode(value)
                && new String(value.getBytes(IdPassCodec.WINDOWS_31J), IdPassCodec.WINDOWS_31J).equals(value);
    }
}
