package jp.kessai.face.openapi;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape every openapi endpoint has: its path and whether it takes an Idempotency-Key are fixed, and its body is
 * checked first — a body that fails {@link #validate} is answered with its problem (nothing reaches the core), one
 * that passes is {@link #run}.
 */
abstract class CheckedEndpoint implements OpenApiOperation {

    protected final SchemaValidator validator;
    protected final OpenApiJson json;
    private final String path;
    private final boolean idempotent;

    CheckedEndpoint(JsonMapper mapper, OpenApiJson json, String path, boolean idempotent) {
        this.validator = SchemaValidator.fromClasspath(mapper);
        this.json = json;
        this.path = path;
        this.idempotent = idempotent;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final boolean idempotent() {
        return idempotent;
    }

    @Override
    public final Reply handle(OpenApiCall call) {
        Optional<Problem> problem = validate(call.body());
        if (problem.isPresent()) {
            return json.problem(problem.get(), path);
        }
        return run(call);
    }

    /** The checks of the body, the schema first; empty when it may run. */
    abstract Optional<Problem> validate(JsonNode body);

    /** The request, its body checked. */
    abstract Reply run(OpenApiCall call);
}
