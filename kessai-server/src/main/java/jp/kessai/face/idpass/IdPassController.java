package jp.kessai.face.idpass;

import jp.kessai.platform.db.DatabaseUnavailable;
import jp.kessai.platform.logging.ExceptionSummary;
import jp.kessai.platform.metrics.Counters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /payment/<Name>.idPass}: reads the raw body (so that Windows-31J percent-encoding is decoded as such, not as
 * the servlet container's default charset), dispatches to the operation and renders its answer. Every outcome, even
 * an unexpected failure, is an idpass {@code ErrCode/ErrInfo} body — never a stack trace.
 */
@RestController
class IdPassController {

    private static final Logger log = LoggerFactory.getLogger(IdPassController.class);
    static final MediaType CONTENT_TYPE = MediaType.parseMediaType("text/plain;charset=Windows-31J");
    /** Largest accepted request body; the biggest legitimate request is well under 4 KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final IdPassError POST_REQUIRED = new IdPassError("E31500014");
    private static final IdPassError SYSTEM_ERROR = new IdPassError("E91099999");
    /** The catalogue's "system error (database)": processing failed, retry. Answered while PostgreSQL is unreachable. */
    private static final IdPassError DATABASE_UNAVAILABLE = new IdPassError("E91019999");

    private final Map<String, IdPassOperation> operations;
    private final Counters counters;
    private final PublicUrls urls;

    IdPassController(List<IdPassOperation> operations, Counters counters, PublicUrls urls) {
        this.urls = urls;
        this.operations = operations.stream().collect(Collectors.toUnmodifiableMap(IdPassOperation::name, Function.identity()));
        this.counters = counters;
    }

    /** Every method is mapped explicitly, so that OPTIONS also gets E31500014, not Spring's empty 200. */
    @RequestMapping(path = "/payment/{name}.idPass", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void handle(@PathVariable String name, HttpServletRequest http, HttpServletResponse out) throws IOException {
        IdPassOperation operation = operations.get(name);
        IdPassResponse response;
        if (operation == null) {
            response = IdPassResponse.errors(404, List.of(SYSTEM_ERROR));
        } else if (!"POST".equals(http.getMethod())) {
            response = IdPassResponse.errors(List.of(POST_REQUIRED));
        } else {
            response = dispatch(operation, http);
        }
        record(operation == null ? "unknown" : name, response);
        // written directly: a message converter would add a Content-Disposition header the real service does not send
        byte[] body = IdPassCodec.encode(response);
        out.setStatus(response.httpStatus());
        out.setContentType(CONTENT_TYPE.toString());
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }

    private IdPassResponse dispatch(IdPassOperation operation, HttpServletRequest http) {
        try {
            byte[] body = readBody(http);
            if (body == null) {
                return IdPassResponse.errors(413, List.of(SYSTEM_ERROR));
            }
            return operation.handle(IdPassCodec.decode(body).withBaseUrl(urls.base(http)));
        } catch (IOException e) {
            log.info("{}: could not read the request body: {}", operation.name(), e.toString());
            return IdPassResponse.errors(List.of(SYSTEM_ERROR));
        } catch (RuntimeException e) {
            // class names and the throwing frame only: a message or a cause's message can carry request values
            if (DatabaseUnavailable.causedBy(e)) {
                log.warn("{}: the database is unavailable: {}", operation.name(), ExceptionSummary.of(e));
                return IdPassResponse.errors(List.of(DATABASE_UNAVAILABLE));
            }
            log.error("{} failed unexpectedly: {}", operation.name(), ExceptionSummary.of(e));
            return IdPassResponse.errors(List.of(SYSTEM_ERROR));
        }
    }

    static byte[] readBody(HttpServletRequest http) throws IOException {
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private void record(String operation, IdPassResponse response) {
        String errInfo = response.fields().stream().filter(f -> f.getKey().equals("ErrInfo")).map(Map.Entry::getValue)
                .findFirst().orElse("");
        String outcome = errInfo.isEmpty() ? "ok" : errInfo.split("\\|")[0];
        counters.increment("kessai.idpass.requests", "operation", operation, "result", outcome);
    }
}
