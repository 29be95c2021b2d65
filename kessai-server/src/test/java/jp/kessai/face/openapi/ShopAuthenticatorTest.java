package jp.kessai.face.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import jp.kessai.core.shop.ShopDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: {@code Authorization: Basic} of base64({@code x\0:y}) answered 500 on every endpoint (U+0000 went on to
 * the shop lookup and PostgreSQL refused it). Credentials PostgreSQL cannot hold are a failed authentication like any
 * other: they go through the constant-time comparison with nothing to find, and never reach a query.
 */
class ShopAuthenticatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"x\u0000:y", "tshop00000001\u0000:kessai01", "tshop00000001:kessai01\u0000",
            "\u0000:", "tshop\uD800:kessai01"})
    void basicCredentialsWithUnstorableTextFailLikeAnyOther(String credentials) {
        var shops = mock(ShopDirectory.class);
        when(shops.authenticate(any(), any())).thenReturn(Optional.empty());
        var tokens = mock(AccessTokens.class);
        var authenticator = new ShopAuthenticator(shops, tokens);
        String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        for (boolean tokenEndpoint : new boolean[] {false, true}) {
            assertThat(authenticator.authenticate(header, "/credit/charge", tokenEndpoint)).isEmpty();
        }
        // the decoded text either is refused before the directory, or (a lone surrogate decodes to U+FFFD) is harmless
        verify(shops, never()).authenticate(org.mockito.ArgumentMatchers.contains("\u0000"), any());
        verify(shops, never()).authenticate(any(), org.mockito.ArgumentMatchers.argThat(p -> p != null && p.expose().contains("\u0000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "abc\u0000def", "\uDC00abc"})
    void bearerTokensWithUnstorableTextFailWithoutALookup(String token) {
        var tokens = mock(AccessTokens.class);
        var authenticator = new ShopAuthenticator(mock(ShopDirectory.class), tokens);

        assertThat(authenticator.authenticate("Bearer " + token, "/order/inquiry", false)).isEmpty();
        verify(tokens, never()).shopOf(anyString());
    }
}
