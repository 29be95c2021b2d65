package jp.kessai.face.openapi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.platform.secret.Password;
import jp.kessai.platform.text.StorableText;
import org.springframework.stereotype.Component;

/**
 * The two schemes (reference §1.3): Basic {@code ShopID:ShopPass} (RFC 7617) and Bearer tokens from /token. Business
 * endpoints take Basic only when the shop allows password auth; /token takes Basic only. Then the shop's IP allowlist
 * for the endpoint, if it has one. Every refusal is the same 401 unauthorized_request.
 */
@Component
class ShopAuthenticator {

    private final ShopDirectory shops;
    private final AccessTokens tokens;

    ShopAuthenticator(ShopDirectory shops, AccessTokens tokens) {
        this.shops = shops;
        this.tokens = tokens;
    }

    Optional<Shop> authenticate(String authorization, String endpoint, boolean tokenEndpoint) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        Optional<Shop> shop = Optional.empty();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            shop = basic(header.substring(6).strip());
            if (!tokenEndpoint && shop.isPresent() && !shop.get().settings().passwordAuthAllowed()) {
                shop = Optional.empty();
            }
        } else if (!tokenEndpoint && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            // only its SHA-256 is looked up, but a text that cannot be stored is refused like any bad token
            shop = StorableText.storable(token) ? tokens.shopOf(token).flatMap(shops::findById) : Optional.empty();
        }
        return shop;
    }

    /** Whether {@code address} may call {@code endpoint} for this shop (no list = any address). */
    static boolean allowed(Shop shop, String endpoint, String address) {
        List<String> allowlist = shop.settings().ipAllowlists().get(endpoint);
        if (allowlist == null || allowlist.isEmpty()) {
            return true;
        }
        byte[] client = literal(address);
        return client != null && allowlist.stream().anyMatch(range -> inRange(client, range.strip()));
    }

    /** {@code range} is an address or a CIDR block, IPv4 or IPv6. */
    static boolean inRange(byte[] client, String range) {
        int slash = range.indexOf('/');
        byte[] network = literal(slash < 0 ? range : range.substring(0, slash));
        if (network == null || network.length != client.length) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > network.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((client[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IP literal; null for anything else (host names are never resolved). */
    private static byte[] literal(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private Optional<Shop> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String shopId = decoded.substring(0, colon);
        String shopPass = decoded.substring(colon + 1);
        if (!StorableText.storable(shopId) || !StorableText.storable(shopPass)) {
            // U+0000 (base64 of "x\0:y") names no shop and must not reach a query: a failed authentication like
            // any other, still through the constant-time comparison
            return shops.authenticate(null, null);
        }
        return shops.authenticate(shopId, new Password(shopPass));
    }
}
