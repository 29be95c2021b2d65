package jp.kessai.it;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks response bodies against the response schemas of GMO-PG's OAS file (machine-readable facts in
 * {@code openapi/response-schema-facts.json}: names, types, patterns, enums, lengths, formats). Stricter than the
 * schema in one way: a member the schema does not declare is reported, so a typo in a member name cannot pass.
 */
public final class ResponseSchemaCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMAS = load();

    private ResponseSchemaCheck() {}

    public static List<String> violations(String schemaName, String body) {
        List<String> found = new ArrayList<>();
        check(SCHEMAS.get(schemaName), JSON.readTree(body), schemaName, found);
        return found;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
        while (schema.has("$ref")) {
            schema = SCHEMAS.get(schema.get("$ref").stringValue());
        }
        if (value.isNull()) {
            found.add(path + ": null member (responses omit nulls)");
            return;
        }
        switch (schema.path("type").asString("")) {
            case "object" -> {
                if (!value.isObject()) {
                    found.add(path + ": not an object");
                    return;
                }
                Set<String> declared = Set.copyOf(schema.path("properties").propertyNames());
                for (String name : value.propertyNames()) {
                    if (!declared.contains(name)) {
                        found.add(path + "." + name + ": not declared by the schema");
                    } else {
                        check(schema.get("properties").get(name), value.get(name), path + "." + name, found);
                    }
                }
                schema.path("required").forEach(r -> {
                    if (!value.has(r.stringValue())) {
                        found.add(path + "." + r.stringValue() + ": required");
                    }
                });
            }
            case "string" -> {
                if (!value.isString()) {
                    found.add(path + ": not a string");
                    return;
                }
                String s = value.stringValue();
                if (schema.has("maxLength") && s.codePointCount(0, s.length()) > schema.get("maxLength").asInt()) {
                    found.add(path + ": longer than " + schema.get("maxLength"));
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").stringValue()).matcher(s).find()) {
                    found.add(path + ": does not match " + schema.get("pattern"));
                }
                if (schema.has("enum")) {
                    boolean listed = false;
                    for (JsonNode allowed : schema.get("enum")) {
                        listed |= allowed.stringValue().equals(s);
                    }
                    if (!listed) {
                        found.add(path + ": " + s + " not in " + schema.get("enum"));
                    }
                }
                if ("date-time".equals(schema.path("format").asString(""))) {
                    try {
                        OffsetDateTime.parse(s);
                    } catch (DateTimeParseException e) {
                        found.add(path + ": not an RFC 3339 date-time");
                    }
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    found.add(path + ": not a boolean");
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber()) {
                    found.add(path + ": not a number");
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    found.add(path + ": not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", found);
                }
            }
            default -> { }
        }
    }

    private static JsonNode load() {
        try (InputStream in = ResponseSchemaCheck.class.getResourceAsStream("/openapi/response-schema-facts.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
