package jp.kessai.face.idpass;

/** One ErrCode/ErrInfo pair; ErrCode is the first three characters of ErrInfo (M01, E01, JP1, …). */
record IdPassError(String errInfo) {

    IdPassError {
        if (errInfo.length() != 9) {
            throw new IllegalArgumentException("ErrInfo is 9 characters: " + errInfo);
        }
    }

    String errCode() {
        return errInfo.substring(0, 3);
    }
}
