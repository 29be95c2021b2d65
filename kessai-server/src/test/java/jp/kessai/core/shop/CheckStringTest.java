package jp.kessai.core.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 001 §2.1.2.4 CheckString test vectors: MD5 of ShopID + OrderID + Status + TranDate + ShopPass, lowercase hex.
 * Expected values computed independently (python3 hashlib.md5).
 */
class CheckStringTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
            "tshop00000001, order-1, PAYSUCCESS, 20261124123456, kessai01, a6242369c3ac34d0d85a930217e71060",
            "tshop00000001, ORD-2025-0001, PAYFAIL, 20250415093000, pass1234, 9311f1a1885ebaefd2bfbd269ccc8b5d"})
    void matchesIndependentlyComputedVectors(String shopId, String orderId, String status, String tranDate, String shopPass,
            String expected) {
        assertThat(ShopDirectory.md5Hex(shopId + orderId + status + tranDate + shopPass)).isEqualTo(expected);
    }
}
