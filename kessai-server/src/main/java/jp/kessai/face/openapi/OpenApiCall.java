package jp.kessai.face.openapi;

import jp.kessai.core.shop.Shop;
import tools.jackson.databind.JsonNode;

/**
 * A request that passed the platform: the authenticated shop, its JSON body, the API version it runs as, and its
 * Idempotency-Key record (which the core's pipeline writes with its claim and finish).
 */
record OpenApiCall(Shop shop, String path, JsonNode body, String apiVersion, IdempotentRequest idempotency) {

    OpenApiCall(Shop shop, String path, JsonNode body, String apiVersion) {
        this(shop, path, body, apiVersion, IdempotentRequest.NONE);
    }

    OpenApiCall with(IdempotentRequest request) {
        return new OpenApiCall(shop, path, body, apiVersion, request);
    }
}
