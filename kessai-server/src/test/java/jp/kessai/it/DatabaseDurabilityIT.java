package jp.kessai.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedded server runs with durability on (zonky's test defaults turn it off). */
class DatabaseDurabilityIT extends IntegrationTest {

    @Test
    void fsyncAndSynchronousCommitAreOn() {
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void theShopPasswordIsStoredEncrypted() {
        byte[] sealed = jdbc.sql("SELECT shop_pass_enc FROM shop WHERE shop_id = ?").param(SHOP_ID).query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SHOP_PASS);
        assertThat(sealed.length).isGreaterThan(SHOP_PASS.length() + 16);
    }
}
