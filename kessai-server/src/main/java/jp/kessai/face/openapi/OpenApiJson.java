package jp.kessai.face.openapi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.kessai.platform.time.KessaiClock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON building and parsing for the face: responses omit null members; times are RFC 3339 in JST. */
@Component
class OpenApiJson {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(KessaiClock.JST);

    private final JsonMapper json;

    OpenApiJson(JsonMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    JsonNode parse(byte[] body) {
        return json.readTree(body);
    }

    String write(JsonNode node) {
        return json.writeValueAsString(node);
    }

    byte[] canonical(JsonNode node) {
        return json.writeValueAsBytes(node);
    }

    static String time(Instant instant) {
        return instant == null ? null : RFC3339.format(instant);
    }

    /** Puts a string member unless the value is null (responses omit null members). */
    static ObjectNode put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return node;
    }

    /** The Problem schema's {@code instance}: at most 40 characters (OAS 1.6.2; every endpoint's path fits). */
    static final int MAX_INSTANCE = 40;

    Reply problem(Problem problem, String instance) {
        ObjectNode body = object();
        body.put("title", problem.title().title());
        body.put("detail", problem.detail());
        // a longer path (a 3-D Secure page's token, an unknown path) is cut to the schema's length, so that every
        // problem a client gets is valid against the schema it generated its client from
        body.put("instance", instance != null && instance.length() > MAX_INSTANCE ? instance.substring(0, MAX_INSTANCE)
                : instance);
        return new Reply(problem.title().status, write(body), true, null);
    }
}
