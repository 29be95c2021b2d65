package jp.kessai.face.idpass;

import java.util.ArrayList;
import java.util.List;

/** A seed input-parameter table: checks every parameter and reports all errors together, in table order. */
record ParamTable(List<Param> params) {

    ParamTable(Param... params) {
        this(List.of(params));
    }

    List<IdPassError> check(IdPassRequest request) {
        List<IdPassError> errors = new ArrayList<>();
        for (Param param : params) {
            errors.addAll(param.check(request.get(param.name())));
        }
        return errors;
    }
}
