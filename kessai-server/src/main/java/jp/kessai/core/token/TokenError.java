package jp.kessai.core.token;

/**
 * Why a token request was refused, with the result code of GMO-PG's tokenizer documentation (トークン決済
 * 処理結果コード; docs/compatibility.md lists where Kessai chose) and the card field at fault, named as mp-token.js names
 * it in its error list ({@code card.cardNumber} …).
 */
public enum TokenError {
    CARD_NUMBER_MISSING("100", "card.cardNumber", "The card number is required."),
    CARD_NUMBER_NOT_DIGITS("101", "card.cardNumber", "The card number must be digits only."),
    CARD_NUMBER_LENGTH("102", "card.cardNumber", "The card number must have 10 to 16 digits."),
    /** A failed Luhn check. GMO-PG lists no code for it: Kessai reports it as a format error (101), documented. */
    CARD_NUMBER_CHECK_DIGIT("101", "card.cardNumber", "The card number is not valid (check digit)."),
    EXPIRY_MISSING("110", "card.expiryMonth", "The expiry is required."),
    EXPIRY_NOT_DIGITS("111", "card.expiryMonth", "The expiry must be digits only."),
    EXPIRY_LENGTH("112", "card.expiryYear", "The expiry must be YYYYMM or YYMM."),
    EXPIRY_MONTH("113", "card.expiryMonth", "The expiry month must be 01 to 12."),
    SECURITY_CODE_NOT_DIGITS("121", "card.securityCode", "The security code must be digits only."),
    SECURITY_CODE_LENGTH("122", "card.securityCode", "The security code must have 3 or 4 digits."),
    HOLDER_NAME_CHARACTERS("131", "card.cardholderName",
            "The cardholder name may hold half-width letters, digits, spaces and , . - / only."),
    HOLDER_NAME_LENGTH("132", "card.cardholderName", "The cardholder name must be at most 50 characters."),
    TOKEN_NUMBER_NOT_DIGITS("141", "tokenNumber", "The number of tokens must be digits only."),
    TOKEN_NUMBER_RANGE("142", "tokenNumber", "The number of tokens must be 1 to 10."),
    ENCRYPTED_DATA_MISSING("150", "encryptedData", "The encrypted card data is required."),
    API_KEY_MISSING("160", "apiKey", "The API key is required."),
    API_KEY_UNKNOWN("180", "apiKey", "The API key or public key is not registered."),
    UNDECRYPTABLE("190", "encryptedData", "The encrypted card data cannot be decrypted."),
    DECRYPTED_FORMAT("191", "encryptedData", "The decrypted card data is not in the expected format.");

    private final String legacyCode;
    private final String field;
    private final String detail;

    TokenError(String legacyCode, String field, String detail) {
        this.legacyCode = legacyCode;
        this.field = field;
        this.detail = detail;
    }

    /** The three-digit result code, e.g. {@code 102}. */
    public String legacyCode() {
        return legacyCode;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
