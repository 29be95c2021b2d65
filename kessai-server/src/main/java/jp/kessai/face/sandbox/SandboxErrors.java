package jp.kessai.face.sandbox;

import java.util.Map;
import jp.kessai.platform.db.DatabaseUnavailable;
import jp.kessai.platform.logging.ExceptionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
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

    private static final Logger log = LoggerFactory.getLogger(SandboxErrors.class);

    static final String NOT_JSON = "the body must be a JSON object";
    static final String DATABASE_UNAVAILABLE = "the database is unavailable; retry later";
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

    /**
     * A lost database answers 503, as the faces answer "temporarily unavailable" (DatabaseUnavailable decides); any
     * other failure of the storage 500. Both in the sandbox's own form, never Spring's; the log names classes only.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, Object>> storageFailed(RuntimeException e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("sandbox: the database is unavailable: {}", ExceptionSummary.of(e));
            return error(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        log.error("sandbox request failed unexpectedly: {}", ExceptionSummary.of(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
