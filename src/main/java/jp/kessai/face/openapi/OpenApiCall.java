package jp.kessai.face.openapi;

import jp.kessai.core.shop.Shop;
import tools.jackson.databind.JsonNode;

/** A request that passed the platform: the authenticated shop, its JSON body and the API version it runs as. */
record OpenApiCall(Shop shop, String path, JsonNode body, String apiVersion) {}
