package jp.kessai.face.idpass;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
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
        // percent-encoded bodies are ASCII; raw (unencoded) Windows-31J bytes are tolerated the same way
        String text = new String(body, WINDOWS_31J);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
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

    private static String decodeComponent(String raw) {
        // re-read the ASCII view of the text as bytes so %XX sequences decode as Windows-31J
        try {
            return URLDecoder.decode(raw, WINDOWS_31J);
        } catch (IllegalArgumentException malformedPercentSequence) {
            return raw; // a stray '%' is kept literally and then judged by the field's character rules
        }
    }
}
