package jp.kessai.face.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kessai.core.shop.Shop;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /token (OAuth2 client credentials, RFC 6749 §4.4): form body {@code grant_type=client_credentials&scope=openapi},
 * Basic auth only (checked by the controller). 201 with TokenResponse; {@code expires_in} is a string.
 */
@Component
class TokenEndpoint {

    private final AccessTokens tokens;
    private final OpenApiJson json;

    TokenEndpoint(AccessTokens tokens, OpenApiJson json) {
        this.tokens = tokens;
        this.json = json;
    }

    Reply handle(Shop shop, byte[] body) {
        Map<String, String> form = parse(new String(body, StandardCharsets.UTF_8));
        if (form == null) {
            return json.problem(Problem.invalid("grant_type"), OpenApiController.TOKEN_PATH);
        }
        for (var required : Map.of("grant_type", "client_credentials", "scope", "openapi").entrySet()) {
            String value = form.get(required.getKey());
            if (value == null || value.isEmpty()) {
                return json.problem(Problem.missing(required.getKey()), OpenApiController.TOKEN_PATH);
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return json.problem(Problem.invalid("grant_type"), OpenApiController.TOKEN_PATH);
        }
        if (!"openapi".equals(form.get("scope"))) {
            return json.problem(Problem.invalid("scope"), OpenApiController.TOKEN_PATH);
        }
        ObjectNode response = json.object();
        response.put("access_token", tokens.issue(shop.id()));
        response.put("expires_in", Long.toString(tokens.lifetime().toSeconds()));
        response.put("scope", "openapi");
        response.put("token_type", "bearer");
        return Reply.json(201, json.write(response));
    }

    /** application/x-www-form-urlencoded; null when malformed. */
    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return form;
    }
}
