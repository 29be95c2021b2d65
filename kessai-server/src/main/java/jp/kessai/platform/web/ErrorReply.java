package jp.kessai.platform.web;

import java.nio.charset.Charset;

/** One error answer in a face's format: status, Content-Type (with its charset) and body text. */
public record ErrorReply(int status, String contentType, Charset charset, String body) {

    public byte[] bytes() {
        return body.getBytes(charset);
    }
}
