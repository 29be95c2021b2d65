package jp.kessai.platform.text;

/**
 * Whether a client-supplied text can reach PostgreSQL unchanged. PostgreSQL's {@code text} and {@code jsonb} cannot
 * hold U+0000 (the driver's statement fails), and an unpaired UTF-16 surrogate has no UTF-8 form at all (it is
 * replaced or refused on the way in). Every face checks its inputs with this before they can reach a query, so that
 * no request can produce a database error; each face answers with its own wire error.
 */
public final class StorableText {

    private StorableText() {}

    /** True when {@code text} is null or holds neither U+0000 nor an unpaired surrogate. */
    public static boolean storable(CharSequence text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /** The index of the first U+0000 or unpaired surrogate in {@code text}, or -1. */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one supplementary character
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every U+0000 and unpaired surrogate replaced by U+FFFD, for naming it in an answer. */
    public static String replaceUnstorable(String text) {
        if (storable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
