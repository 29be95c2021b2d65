package jp.kessai.face.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.kessai.platform.text.StorableText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates request bodies against the schema facts taken from GMO-PG's OAS file (resource
 * {@code openapi/request-schema-facts.json}: names, types, patterns, enums, lengths, required, byte limits). Rules
 * (seed 003 パラメーターの設定): a required property is only required when its parent object is present; an optional
 * property that is absent, {@code null} or (for strings) {@code ""} is not set; lengths count characters (code
 * points); byte limits count UTF-8 or EUC-JP bytes as the schema states. The first violation in schema order wins.
 */
final class SchemaValidator {

    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    /** RFC 5322 addr-spec, dot-atom form (quoted local parts and domain literals are not accepted). */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");

    private final JsonNode schemas;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SchemaValidator(JsonNode schemas) {
        this.schemas = schemas;
    }

    static SchemaValidator fromClasspath(JsonMapper json) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream("/openapi/request-schema-facts.json")) {
            return new SchemaValidator(json.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("request schema facts missing", e);
        }
    }

    /** The first violation of {@code value} against the named schema, reported at {@code path} (empty = root). */
    Optional<Problem> validate(String schemaName, JsonNode value, String path) {
        JsonNode schema = schemas.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("no schema facts for " + schemaName);
        }
        Optional<Problem> problem = check(schema, value, path);
        return problem.isPresent() ? problem : firstUnstorable(value, path);
    }

    /**
     * The first text anywhere in {@code value} — a member name, or a string in a member the schema does not describe
     * (unknown members are ignored but may be kept, e.g. in a charge's stored request details) — that PostgreSQL
     * cannot hold: U+0000 or an unpaired surrogate. Known string members are refused by {@link #checkString} already.
     */
    static Optional<Problem> firstUnstorable(JsonNode value, String path) {
        if (value.isString()) {
            return StorableText.storable(value.stringValue()) ? Optional.empty() : invalid(path);
        }
        if (value.isObject()) {
            for (String name : value.propertyNames()) {
                String childPath = (path.isEmpty() ? "" : path + ".") + StorableText.replaceUnstorable(name);
                if (!StorableText.storable(name)) {
                    return invalid(childPath);
                }
                Optional<Problem> problem = firstUnstorable(value.get(name), childPath);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                Optional<Problem> problem = firstUnstorable(value.get(i), path + "[" + i + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a property counts as not set (absent, null, or an empty string). */
    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isString() && value.stringValue().isEmpty());
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = schemas.get(schema.get("$ref").stringValue());
        }
        return schema;
    }

    private Optional<Problem> check(JsonNode schema, JsonNode value, String path) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            return Optional.empty(); // alternatives are told apart by the endpoint (e.g. card data vs token)
        }
        String type = schema.path("type").asString("");
        return switch (type) {
            case "object" -> checkObject(schema, value, path);
            case "array" -> checkArray(schema, value, path);
            case "string" -> value.isString() ? checkString(schema, value.stringValue(), path) : invalid(path);
            case "integer" -> value.isIntegralNumber() ? checkNumber(schema, value, path) : invalid(path);
            case "number" -> value.isNumber() ? checkNumber(schema, value, path) : invalid(path);
            case "boolean" -> value.isBoolean() ? Optional.empty() : invalid(path);
            default -> Optional.empty();
        };
    }

    private Optional<Problem> checkObject(JsonNode schema, JsonNode value, String path) {
        if (!value.isObject()) {
            return invalid(path);
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            return invalid(path);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.stringValue()));
        JsonNode properties = schema.path("properties");
        for (String name : properties.propertyNames()) {
            JsonNode child = value.get(name);
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (absent(child)) {
                if (required.contains(name)) {
                    return Optional.of(Problem.missing(childPath));
                }
                continue;
            }
            Optional<Problem> problem = check(properties.get(name), child, childPath);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (schema.has("additionalProperties")) {
            for (String name : value.propertyNames()) {
                if (!properties.has(name) && !absent(value.get(name))) {
                    Optional<Problem> problem = check(schema.get("additionalProperties"), value.get(name),
                            path.isEmpty() ? name : path + "." + name);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Problem> checkArray(JsonNode schema, JsonNode value, String path) {
        if (!value.isArray()) {
            return invalid(path);
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            return invalid(path);
        }
        for (int i = 0; i < value.size(); i++) {
            Optional<Problem> problem = check(schema.get("items"), value.get(i), path + "[" + i + "]");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<Problem> checkString(JsonNode schema, String value, String path) {
        if (!StorableText.storable(value)) {
            return invalid(path); // U+0000 or an unpaired surrogate: no schema allows them, PostgreSQL cannot hold them
        }
        int length = value.codePointCount(0, value.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return invalid(path);
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return invalid(path);
        }
        if (schema.has("maxBytesUtf8") && value.getBytes(StandardCharsets.UTF_8).length > schema.get("maxBytesUtf8").asInt()) {
            return invalid(path);
        }
        if (schema.has("maxBytesEucJp") && !fitsEucJp(value, schema.get("maxBytesEucJp").asInt())) {
            return invalid(path);
        }
        if (schema.has("pattern") && !pattern(schema.get("pattern").stringValue()).matcher(value).find()) {
            return invalid(path);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.stringValue().equals(value);
            }
            if (!listed) {
                return invalid(path);
            }
        }
        String format = schema.path("format").asString("");
        boolean wellFormed = switch (format) {
            case "email" -> EMAIL.matcher(value).matches();
            case "uri" -> isAbsoluteUri(value);
            case "date-time" -> isDateTime(value);
            default -> true;
        };
        return wellFormed ? Optional.empty() : invalid(path);
    }

    private static Optional<Problem> checkNumber(JsonNode schema, JsonNode value, String path) {
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            return invalid(path);
        }
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            return invalid(path);
        }
        return Optional.empty();
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, SchemaValidator::compileEcma);
    }

    /**
     * Compiles an OAS (ECMA-262) pattern for Java. They differ in one way that matters here: Java's {@code $} also
     * matches before a final line terminator, so {@code ^[0-9a-zA-Z-]+$} would accept {@code "order-1\n"}. Each
     * {@code $} outside a character class becomes {@code \z} (the very end of the input), as in ECMA-262.
     */
    static Pattern compileEcma(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                java.append(c);
            } else if (c == ']') {
                inClass = false;
                java.append(c);
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return Pattern.compile(java.toString());
    }

    /** Characters EUC-JP cannot encode are a violation too. */
    private static boolean fitsEucJp(String value, int maxBytes) {
        var encoder = EUC_JP.newEncoder();
        if (!encoder.canEncode(value)) {
            return false;
        }
        return value.getBytes(EUC_JP).length <= maxBytes;
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<Problem> invalid(String path) {
        return Optional.of(Problem.invalid(path));
    }
}
