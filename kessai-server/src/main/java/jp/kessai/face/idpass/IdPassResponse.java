package jp.kessai.face.idpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An ordered list of output parameters, rendered as {@code key=value&key=value}. */
final class IdPassResponse {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final int httpStatus;

    private IdPassResponse(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    static IdPassResponse ok() {
        return new IdPassResponse(200);
    }

    /** The error form: {@code ErrCode=A|B&ErrInfo=a|b}, the n-th code paired with the n-th detail. */
    static IdPassResponse errors(List<IdPassError> errors) {
        return errors(200, errors);
    }

    static IdPassResponse errors(int httpStatus, List<IdPassError> errors) {
        return new IdPassResponse(httpStatus).withErrors(errors);
    }

    /** Appends ErrCode/ErrInfo to a response that also carries fields (e.g. a declined payment's Status). */
    IdPassResponse withErrors(List<IdPassError> errors) {
        put("ErrCode", errors.stream().map(IdPassError::errCode).collect(Collectors.joining("|")));
        put("ErrInfo", errors.stream().map(IdPassError::errInfo).collect(Collectors.joining("|")));
        return this;
    }

    IdPassResponse put(String name, String value) {
        fields.add(Map.entry(name, value == null ? "" : value));
        return this;
    }

    IdPassResponse put(String name, long value) {
        return put(name, Long.toString(value));
    }

    List<Map.Entry<String, String>> fields() {
        return List.copyOf(fields);
    }

    int httpStatus() {
        return httpStatus;
    }
}
