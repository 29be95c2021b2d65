package jp.kessai.it;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Does what mp-token.js does in the browser, from Java: encrypts the card JSON with the shop's public key (RSA-OAEP,
 * SHA-256, as Web Crypto) and posts it to /payment/CreateToken.json.
 */
final class MpTokenClient {

    private final OpenApiClient http;
    private final String apiKey;
    private final String publicKey;

    MpTokenClient(String baseUrl, String apiKey, String publicKey) {
        this.http = new OpenApiClient(baseUrl);
        this.apiKey = apiKey;
        this.publicKey = publicKey;
    }

    /** Card JSON as mp-token.js builds it; null members are left out. */
    static String card(String number, String month, String year, String code, String holder) {
        StringBuilder json = new StringBuilder("{\"card\":{");
        String[][] members = {{"cardNumber", number}, {"expiryMonth", month}, {"expiryYear", year},
                {"securityCode", code}, {"cardholderName", holder}};
        boolean first = true;
        for (String[] member : members) {
            if (member[1] != null) {
                json.append(first ? "" : ",").append('"').append(member[0]).append("\":\"").append(member[1]).append('"');
                first = false;
            }
        }
        return json.append("}}").toString();
    }

    static String encrypt(String publicKeyBase64, String plaintext) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            return Base64.getEncoder().encodeToString(rsa.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    OpenApiClient.Answer create(String cardJson, String createCount) {
        return raw(apiKey, encrypt(publicKey, cardJson), createCount);
    }

    OpenApiClient.Answer raw(String apiKey, String encryptedData, String createCount) {
        String body = "{\"encryptionParameters\":{\"type\":\"UNIQUE_PK\""
                + (apiKey == null ? "" : ",\"apiKey\":\"" + apiKey + "\"") + "}"
                + (encryptedData == null ? "" : ",\"encryptedData\":\"" + encryptedData + "\"")
                + (createCount == null ? "" : ",\"createCount\":\"" + createCount + "\"") + "}";
        return http.send("POST", "/payment/CreateToken.json", "application/json", body);
    }

    /** One token for the card (the answer must be a success). */
    String token(String number, String code) {
        var answer = create(card(number, "06", "2033", code, "TARO MIHON"), null);
        if (answer.status() != 200) {
            throw new AssertionError(answer.body());
        }
        return answer.at("/tokenList/0");
    }
}
