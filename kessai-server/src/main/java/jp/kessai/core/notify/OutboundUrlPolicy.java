package jp.kessai.core.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Guards merchant-supplied URLs that Kessai itself calls (notification targets) against SSRF: http(s) only, a host,
 * no credentials, a length limit, and — unless the shop is explicitly allowed — no loopback, link-local, private,
 * carrier-grade NAT, unique-local or multicast address among everything the host name resolves to.
 */
@Component
public class OutboundUrlPolicy {

    public static final int MAX_URL_LENGTH = 2048;

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refuse(String url, boolean allowPrivateTargets) {
        Optional<String> syntax = checkSyntax(url, MAX_URL_LENGTH);
        if (syntax.isPresent()) {
            return syntax;
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of("target resolves to a non-public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("target host does not resolve");
        }
        return Optional.empty();
    }

    /** Syntax only (no DNS): http/https, a host, no user info, at most {@code maxLength} characters. */
    public static Optional<String> checkSyntax(String url, int maxLength) {
        if (url == null || url.isEmpty() || url.length() > maxLength) {
            return Optional.of("URL missing or longer than " + maxLength);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("only http and https URLs are allowed");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of("URL has no host");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("URL must not carry credentials");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("URL is not well formed");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02; // 2002::/16 embeds an IPv4 address
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && java.util.Arrays.equals(java.util.Arrays.copyOfRange(b, 4, 12), new byte[8]); // 64:ff9b::/96
            boolean ipv4Compatible = java.util.Arrays.equals(java.util.Arrays.copyOfRange(b, 0, 12), new byte[12]); // ::a.b.c.d
            return uniqueLocal || sixToFour || nat64 || ipv4Compatible;
        }
        return false;
    }
}
