package jp.kessai.face.idpass;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol type's wire format. Requests: {@code application/x-www-form-urlencoded}, values percent-encoded in
 * Windows-31J (what real merchant code and GMO's module clients send). Responses: {@code key=value&…} in Windows-31J
 * with values not URL-encoded, because real clients split on {@code &} and the first {@code =} without decoding.
 */
final class IdPassCodec {

    static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

    private IdPassCodec() {}

    static IdPassRequest decode(byte[] body) {
        // Split the raw bytes: '&' (0x26) and '=' (0x3D) are never Shift_JIS trail bytes (those start at 0x40).
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int eq = indexOf(body, (byte) '=', start, i);
                    String name = decodeComponent(body, start, eq < 0 ? i : eq);
                    String value = eq < 0 ? "" : decodeComponent(body, eq + 1, i);
                    parameters.putIfAbsent(name, value);
                }
                start = i + 1;
            }
        }
        return new IdPassRequest(parameters);
    }

    static byte[] encode(IdPassResponse response) {
        var out = new ByteArrayOutputStream();
        boolean first = true;
        for (Map.Entry<String, String> field : response.fields()) {
            if (!first) {
                out.write('&');
            }
            first = false;
            out.writeBytes(field.getKey().getBytes(WINDOWS_31J));
            out.write('=');
            out.writeBytes(field.getValue().getBytes(WINDOWS_31J));
        }
        return out.toByteArray();
    }

    /**
     * Percent-decodes to bytes first and only then reads the bytes as Windows-31J, so a double-byte character
     * encoded byte by byte with a literal trail byte (PHP's urlencode, browsers: テ = {@code %83e}) decodes whole.
     * A '%' not followed by two hex digits is kept as it is; '+' is a space.
     */
    private static String decodeComponent(byte[] body, int from, int to) {
        var bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                bytes.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return new String(bytes.toByteArray(), WINDOWS_31J);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
