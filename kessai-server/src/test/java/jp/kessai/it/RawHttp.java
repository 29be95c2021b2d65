package jp.kessai.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests as raw bytes over a socket, for what an HTTP client library refuses to send: NUL or bare CR in a header, a
 * duplicate Content-Length, a body shorter than its Content-Length, non-normalised or undecodable paths.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {}

    /** One answer: status, headers (lower-case names, last one wins) and body bytes. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String text(Charset charset) {
            return new String(body, charset);
        }

        public String text() {
            return text(StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code request} and reads the answer until the server closes the connection. {@code halfClose} shuts the
     * sending side afterwards, so a body shorter than its Content-Length ends instead of waiting for a timeout.
     */
    public static Answer send(int port, byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("no answer: " + e, e);
        }
    }

    public static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server answered and kept (or reset) the connection: what arrived is the answer
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] raw) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (!head.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + head.substring(0, Math.min(200, head.length())));
        }
        String[] lines = head.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
