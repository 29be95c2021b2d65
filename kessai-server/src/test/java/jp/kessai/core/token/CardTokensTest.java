package jp.kessai.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.core.shop.ShopSettings;
import org.junit.jupiter.api.Test;

/**
 * {@link CardTokens#issueTestCard}'s refusals, which come before anything is sealed or stored (the tokens themselves
 * are tested over HTTP in MpTokenSandboxIT): no collaborator is needed, so none is given.
 */
class CardTokensTest {

    private final CardTokens tokens = new CardTokens(null, null, null, null, null, null);

    private static Shop shop(ShopMode mode) {
        return new Shop(1, "tshop00000001", null, mode, ShopSettings.defaults());
    }

    @Test
    void aProductionModeShopGetsNoTokensFromCardDataInClear() {
        assertThatThrownBy(() -> tokens.issueTestCard(shop(ShopMode.PRODUCTION), "4111111111111111", "06", "2033",
                null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TEST-mode");
    }

    @Test
    void theTokenNumberAndTheCardAreCheckedAsTheTokenEndpointChecksThem() {
        assertThat(tokens.issueTestCard(shop(ShopMode.TEST), "4111111111111111", "06", "2033", null, null, "11"))
                .isEqualTo(new CardTokens.Issuance.Refused(java.util.List.of(TokenError.TOKEN_NUMBER_RANGE)));
        assertThat(tokens.issueTestCard(shop(ShopMode.TEST), "4111111111111111", "06", "2033", null, null, "1x"))
                .isEqualTo(new CardTokens.Issuance.Refused(java.util.List.of(TokenError.TOKEN_NUMBER_NOT_DIGITS)));
        assertThat(tokens.issueTestCard(shop(ShopMode.TEST), "4111111111111112", "13", "2033", "12", "太郎", "2"))
                .isEqualTo(new CardTokens.Issuance.Refused(java.util.List.of(TokenError.CARD_NUMBER_CHECK_DIGIT,
                        TokenError.EXPIRY_MONTH, TokenError.SECURITY_CODE_LENGTH, TokenError.HOLDER_NAME_CHARACTERS)));
    }
}
