package jp.kessai.platform.startup;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.env.PropertyResolver;

/**
 * The configured credentials, checked against their formats before anything starts (issue 12): a ShopPass longer than
 * the protocol type's 8 characters used to be accepted and then refused by every {@code .idPass} call. Each rule is
 * the one the credential meets where it is used; a report names the setting and the rule, never the value.
 *
 * <ul>
 * <li>the demo shop (sandbox mode only): ShopID CHAR 13 and ShopPass CHAR 8, alphanumerics (seeds 000/001, the
 * parameter tables of every API; the same rule as {@code core/shop/Shop}), ROBOT PAYMENT {@code aid} 6 digits
 * (seed 002);</li>
 * <li>keys: the master key and the vault's KEKs and fingerprint keys, base64 of 32 bytes (AES-256 / HMAC-SHA-256);</li>
 * <li>the admin API's bearer token: RFC 6750's token characters, 16 to 512 of them (anything else can never match an
 * {@code Authorization: Bearer} header, and a shorter one can be guessed).</li>
 * </ul>
 */
final class ConfiguredCredentials {

    static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9]{1,13}");
    static final Pattern SHOP_PASS = Pattern.compile("[A-Za-z0-9]{1,8}");
    static final Pattern ROBOT_AID = Pattern.compile("[0-9]{6}");
    static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{16,512}=*");
    static final int KEY_BYTES = 32;

    static final List<String> KEYS = List.of("kessai.crypto.master-key", "kessai.vault.test.kek",
            "kessai.vault.test.fingerprint-key", "kessai.vault.production.kek", "kessai.vault.production.fingerprint-key");

    private ConfiguredCredentials() {}

    /** One line per setting out of format: the setting and its rule. Empty when everything configured is usable. */
    static List<String> violations(PropertyResolver environment) {
        var violations = new ArrayList<String>();
        if (environment.getProperty("kessai.sandbox.enabled", Boolean.class, true)) {
            check(environment, "kessai.demo.shop-id", "tshop00000001", SHOP_ID,
                    "1 to 13 letters and digits (the protocol type's ShopID, CHAR 13)", violations);
            check(environment, "kessai.demo.shop-pass", "kessai01", SHOP_PASS,
                    "1 to 8 letters and digits (the protocol type's ShopPass, CHAR 8)", violations);
            check(environment, "kessai.demo.robot-aid", "100001", ROBOT_AID,
                    "exactly 6 digits (ROBOT PAYMENT's store ID, aid)", violations);
        }
        for (String key : KEYS) {
            String value = environment.getProperty(key, "");
            if (!value.isBlank() && !isKey(value)) {
                violations.add(key + " must be base64 of exactly 32 bytes (e.g. the output of: openssl rand -base64 32)");
            }
        }
        String token = environment.getProperty("kessai.admin.token", "");
        if (!token.isEmpty() && !BEARER_TOKEN.matcher(token).matches()) {
            violations.add("kessai.admin.token must be 16 to 512 characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token),"
                    + " it has " + token.length() + " characters");
        }
        return violations;
    }

    private static void check(PropertyResolver environment, String setting, String fallback, Pattern rule, String what,
            List<String> violations) {
        String value = environment.getProperty(setting, fallback);
        if (!rule.matcher(value).matches()) {
            violations.add(setting + " must be " + what + "; it has " + value.length() + " characters"
                    + (value.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c)) ? "" : ", not all letters and digits"));
        }
    }

    private static boolean isKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The refusal for {@link StartupPreflight}: the bad settings, then how to fix them. */
    static StartupRefused refusal(List<String> violations) {
        return new StartupRefused("Kessai's configuration is out of format: " + String.join("; ", violations) + ".",
                "Correct the setting" + (violations.size() == 1 ? "" : "s") + " (docs/configuration.md), or remove it to use"
                        + " the default.");
    }
}
