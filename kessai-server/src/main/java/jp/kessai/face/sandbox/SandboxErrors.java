package jp.kessai.face.sandbox;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The sandbox API's one error shape, {@code {"error":"…"}} (docs/test-cards.md), also for the mistakes Spring MVC
 * catches before a controller runs: a body that is not JSON, a body sent as a form, a path variable of the wrong type.
 * Without this they got Spring's default {@code {"timestamp","status","error","path"}} body. A controller's own
 * handler (e.g. {@link ShopSandboxController}'s, which names the fields it wants) wins over these.
 */
@RestControllerAdvice(basePackageClasses = SandboxErrors.class)
@ConditionalOnBooleanProperty(name = "kessai.sandbox.enabled", matchIfMissing = true)
class SandboxErrors {

    static final String NOT_JSON = "the body must be a JSON object";
    static final String NOT_JSON_MEDIA_TYPE = "send the body as JSON, with Content-Type: application/json";

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, NOT_JSON);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> notJson(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON_MEDIA_TYPE);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badPathOrParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + ": wrong type");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + ": required");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
