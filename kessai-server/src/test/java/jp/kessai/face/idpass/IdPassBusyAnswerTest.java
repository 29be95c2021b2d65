package jp.kessai.face.idpass;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.platform.web.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The protocol type's answer when the node is busy (kessai.server.max-in-flight): E92000001 (流量制限オーバー), as an
 * API answer (HTTP 200, as every .idPass answer) that the merchant retries, or on the error screen of a browser page.
 */
class IdPassBusyAnswerTest {

    private final IdPassErrorPage page = new IdPassErrorPage();

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "/payment/ExecTranJcbPreca.idPass,          200, text/plain;charset=Windows-31J",
            "/payment/EntryTranNetcash.idPass,          200, text/plain;charset=Windows-31J",
            "/payment/NoSuchThing.idPass,               200, text/plain;charset=Windows-31J",
            "/payment/NetCashStart.idPass,              503, text/html;charset=Windows-31J",
            "/payment/netcash/result/abc,               503, text/html;charset=Windows-31J",
            "/payment/CreateToken.json,                 503, text/plain;charset=Windows-31J"
    })
    void aBusyNodeAnswersE92000001(String path, int status, String contentType) {
        var reply = page.reply(Refusal.BUSY, path);
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(contentType);
        if (contentType.startsWith("text/plain")) {
            assertThat(reply.body()).isEqualTo("ErrCode=E92&ErrInfo=E92000001");
        } else {
            assertThat(reply.body()).contains("ErrInfo=<span class=\"errinfo\">E92000001</span>").doesNotContain("E91");
        }
    }

    @ParameterizedTest
    @CsvSource({"/payment/ExecTranJcbPreca.idPass", "/payment/NetCashStart.idPass"})
    void theOtherRefusalsAreUnchanged(String path) {
        assertThat(page.reply(Refusal.UNAVAILABLE, path).body()).contains("E91099999");
        assertThat(page.reply(Refusal.UNAVAILABLE, path).status()).isEqualTo(503);
    }
}
