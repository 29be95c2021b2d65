package jp.kessai.platform.web;

/**
 * A face's own rendering of a refusal that happened before (or outside) its endpoints. Each face provides one; the
 * error controller and Tomcat's error report valve pick it by {@link WireFace#of(String)}.
 */
public interface FaceErrorPage {

    WireFace face();

    /** @param rawPath the request path as sent (may be non-normalised or undecodable); never logged by the caller */
    ErrorReply reply(Refusal refusal, String rawPath);
}
