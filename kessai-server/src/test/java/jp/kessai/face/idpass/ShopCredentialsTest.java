package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import jp.kessai.core.shop.ShopDirectory;
import org.junit.jupiter.api.Test;

/**
 * Regression: {@code ShopID=%00} answered E91099999, because the pair check looked the value up although its own
 * check had already failed, and PostgreSQL refuses U+0000. A ShopID or ShopPass that failed its check is not looked
 * up (the pair check still runs, with nothing to find) and the answer is the seed's input errors.
 */
class ShopCredentialsTest {

    @Test
    void aShopIdThatFailedItsCheckIsNeverLookedUp() {
        var shops = mock(ShopDirectory.class);
        when(shops.authenticate(any(), any())).thenReturn(Optional.empty());
        var request = IdPassCodec.decode("ShopID=%00&ShopPass=kessai01".getBytes(IdPassCodec.WINDOWS_31J));

        var checked = new ShopCredentials(shops).check(request, IdPassResultCodes.Family.MULTI_PAYMENT,
                new ParamTable(IdPassParams.VERSION), new ParamTable());

        verify(shops).authenticate(null, new jp.kessai.platform.secret.Password("kessai01"));
        assertThat(checked.errors()).extracting(IdPassError::errInfo).containsExactly("M01002008", "M01002002");
    }

    @Test
    void aShopPassThatFailedItsCheckIsNeverLookedUp() {
        var shops = mock(ShopDirectory.class);
        when(shops.authenticate(any(), any())).thenReturn(Optional.empty());
        var request = new IdPassRequest(Map.of("ShopID", "tshop00000001", "ShopPass", "kessai\u000001"));

        var checked = new ShopCredentials(shops).check(request, IdPassResultCodes.Family.COMMON,
                new ParamTable(IdPassParams.VERSION), new ParamTable());

        verify(shops).authenticate("tshop00000001", null);
        assertThat(checked.errors()).extracting(IdPassError::errInfo).containsExactly("E01020008", "E01030002");
    }
}
