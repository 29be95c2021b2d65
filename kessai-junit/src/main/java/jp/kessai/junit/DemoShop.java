package jp.kessai.junit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The demo shop that a sandbox Kessai creates at start-up, and its credentials on each face: the protocol type
 * (idpass) takes {@code ShopID} and {@code ShopPass} as form parameters; the OpenAPI type takes the same pair as HTTP
 * Basic credentials, on {@code /token} (for a Bearer token) or on any endpoint.
 *
 * @param shopId   the ShopID ({@code tshop00000001} unless {@code kessai.demo.shop-id} says otherwise)
 * @param shopPass the ShopPass ({@code kessai01} unless {@code kessai.demo.shop-pass} says otherwise)
 */
public record DemoShop(String shopId, String shopPass) {

    /** {@code ShopID=…&ShopPass=…}, form-encoded, to start an idpass request body with. */
    public String idpassCredentials() {
        return "ShopID=" + URLEncoder.encode(shopId, StandardCharsets.UTF_8)
                + "&ShopPass=" + URLEncoder.encode(shopPass, StandardCharsets.UTF_8);
    }

    /** The value of an {@code Authorization} header with Basic credentials for the openapi face. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((shopId + ":" + shopPass).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DemoShop[shopId=" + shopId + "]";
    }
}
