package jp.kessai.platform.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The faces' error pages by face. A path whose face has no page (the sandbox when it is disabled) is answered by the
 * OpenAPI face's page, the format of every path no face claims.
 */
@Component
public class FaceErrorPages {

    private final Map<WireFace, FaceErrorPage> pages = new EnumMap<>(WireFace.class);

    FaceErrorPages(List<FaceErrorPage> pages) {
        for (FaceErrorPage page : pages) {
            if (this.pages.put(page.face(), page) != null) {
                throw new IllegalStateException("two error pages for " + page.face());
            }
        }
        if (!this.pages.containsKey(WireFace.OPENAPI)) {
            throw new IllegalStateException("the OpenAPI face's error page answers every unclaimed path");
        }
    }

    public ErrorReply reply(Refusal refusal, String rawPath) {
        FaceErrorPage page = pages.getOrDefault(WireFace.of(rawPath), pages.get(WireFace.OPENAPI));
        return page.reply(refusal, rawPath == null ? "" : rawPath);
    }
}
