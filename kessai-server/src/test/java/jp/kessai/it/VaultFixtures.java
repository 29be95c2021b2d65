package jp.kessai.it;

/** Request bodies of the vault endpoints, as merchant code builds them. */
final class VaultFixtures {

    private VaultFixtures() {}

    static final String MERCHANT = """
            {"name":"サンプルストア","nameKana":"サンプルストア","nameAlphabet":"Sample Store","nameShort":"サンプル",
             "contactName":"サポート窓口","contactEmail":"support@example.com","contactPhone":"0120-123-456",
             "contactOpeningHours":"10:00-18:00"}""";

    static String card(String number, String holder) {
        return "{\"cardNumber\":\"" + number + "\",\"expiryMonth\":\"06\",\"expiryYear\":\"2033\",\"securityCode\":\"123\""
                + (holder == null ? "" : ",\"cardholderName\":\"" + holder + "\"") + "}";
    }

    static String storeCard(String number, String onfileCardOptions) {
        return "{\"merchant\":" + MERCHANT + ",\"creditStoringInformation\":{\"card\":" + card(number, "TARO MIHON")
                + ",\"onfileCardOptions\":" + onfileCardOptions + "}}";
    }

    static String storeReferenced(String accessId, String onfileCardOptions) {
        return "{\"merchant\":" + MERCHANT + ",\"creditStoringInformation\":{\"referrer\":{\"accessId\":\"" + accessId
                + "\"},\"onfileCardOptions\":" + onfileCardOptions + "}}";
    }

    /** verifyCard; {@code information} is the inside of creditVerificationInformation (without options). */
    static String verify(String orderId, String information, String onfileCardOptions) {
        return "{\"merchant\":" + MERCHANT + ",\"order\":{\"orderId\":\"" + orderId + "\",\"transactionType\":\"CIT\"},"
                + "\"payer\":{\"name\":\"見本 太郎\"},\"creditVerificationInformation\":{" + information
                + ",\"creditVerificationOptions\":{\"useTds2\":false}"
                + (onfileCardOptions == null ? "" : ",\"onfileCardOptions\":" + onfileCardOptions) + "}}";
    }

    /** on-file charge; {@code onfileCard} the inside of onfileCard besides memberId and type. */
    static String onfileCharge(String orderId, long amount, String memberId, String onfileCard, String options) {
        return "{\"merchant\":" + MERCHANT + ",\"order\":{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount
                + "\",\"transactionType\":\"MIT\"},\"payer\":{\"name\":\"見本 太郎\"},\"creditOnfileInformation\":{"
                + "\"onfileCard\":{\"memberId\":\"" + memberId + "\",\"type\":\"CREDIT_CARD\""
                + (onfileCard.isEmpty() ? "" : "," + onfileCard) + "},"
                + "\"creditChargeOptions\":{\"authorizationMode\":\"AUTH\"" + (options.isEmpty() ? ",\"useTds2\":false" : "," + options)
                + "}}}";
    }

    static String cardDetails(String memberId, String selector) {
        return "{\"cardInformation\":{\"onfileCard\":{\"memberId\":\"" + memberId + "\",\"type\":\"CREDIT_CARD\""
                + (selector.isEmpty() ? "" : "," + selector) + "}}}";
    }
}
