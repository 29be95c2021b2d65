package jp.kessai.face.idpass;

/** One {@code /payment/<Name>.idPass} endpoint. */
interface IdPassOperation {

    /** The endpoint name, e.g. {@code EntryTranJcbPreca}. */
    String name();

    IdPassResponse handle(IdPassRequest request);
}
