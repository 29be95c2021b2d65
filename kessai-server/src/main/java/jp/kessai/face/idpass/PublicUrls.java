package jp.kessai.face.idpass;

import jakarta.servlet.http.HttpServletRequest;
import jp.kessai.platform.KessaiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base URL customers' browsers reach this server at: {@code kessai.public-base-url} when set (behind a proxy
 * or load balancer), otherwise the scheme, host and port of the current request.
 */
@Component
class PublicUrls {

    private final String configured;

    PublicUrls(KessaiProperties properties) {
        String base = properties.publicBaseUrl();
        this.configured = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath("").replaceQuery(null).build().toUriString();
    }
}
