package jp.kessai.face.openapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import jp.kessai.platform.KessaiProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials access tokens: opaque, 384 random bits, stored only as their SHA-256 (a stolen database
 * yields no usable token). Several may be valid at once; each expires on its own after the configured lifetime
 * (seed: 3600 s), measured on the core clock.
 */
@Component
class AccessTokens {

    private static final int TOKEN_BYTES = 48;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(JdbcClient jdbc, Clock clock, KessaiProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = properties.openapi().tokenLifetime();
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Issues a new token for the shop; the clear token is returned once and never stored. */
    String issue(long shopPk) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getEncoder().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO openapi_access_token (token_hash, shop_pk, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(sha256(token), shopPk, Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
                .update();
        jdbc.sql("DELETE FROM openapi_access_token WHERE expires_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        return token;
    }

    /** The shop a valid, unexpired token belongs to. */
    Optional<Long> shopOf(String token) {
        return jdbc.sql("SELECT shop_pk FROM openapi_access_token WHERE token_hash = ? AND expires_at > ?")
                .params(sha256(token), Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
