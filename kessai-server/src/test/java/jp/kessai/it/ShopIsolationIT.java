package jp.kessai.it;

import static jp.kessai.it.IdPassClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.shop.ShopMode;
import jp.kessai.platform.secret.Password;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShopIsolationIT extends IntegrationTest {

    @Autowired
    ShopDirectory shops;

    @Test
    void aShopNeverSeesAnotherShopsOrdersAndTheSameOrderIdIsFreeForEachShop() {
        shops.upsert("tshop00000002", new Password("pass0002"), "100002", ShopMode.TEST);
        var order = entry(100, 0);
        var other = idpass.post("SearchTradeMulti", params("ShopID", "tshop00000002", "ShopPass", "pass0002",
                "OrderID", order.get("OrderID"), "PayType", "14"));
        assertThat(other.body()).isEqualTo("ErrCode=E01&ErrInfo=E01110002");
        var exec = idpass.post("ExecTranJcbPreca", params("ShopID", "tshop00000002", "ShopPass", "pass0002",
                "AccessID", order.get("AccessID"), "AccessPass", order.get("AccessPass"), "OrderID", order.get("OrderID"),
                "CardNo", newCard(1000), "ApprovalNo", "1234"));
        assertThat(exec.body()).isEqualTo("ErrCode=M01&ErrInfo=M01058002");
        var sameOrderId = idpass.post("EntryTranJcbPreca", params("ShopID", "tshop00000002", "ShopPass", "pass0002",
                "OrderID", order.get("OrderID"), "Amount", "100"));
        assertThat(sameOrderId.isError()).as(sameOrderId.body()).isFalse();
        assertThat(sameOrderId.get("AccessID")).isNotEqualTo(order.get("AccessID"));
    }

    @Test
    void aShopWithoutTheJcbPrecaContractIsRefused() {
        shops.upsert("tshop00000003", new Password("pass0003"), "100003", ShopMode.PRODUCTION);
        jdbc.sql("UPDATE shop SET settings = CAST(? AS jsonb) WHERE shop_id = ?")
                .params("{\"jcbPrecaContracted\":false}", "tshop00000003").update();
        var entry = idpass.post("EntryTranJcbPreca", params("ShopID", "tshop00000003", "ShopPass", "pass0003",
                "OrderID", newOrderId(), "Amount", "100"));
        assertThat(entry.body()).isEqualTo("ErrCode=E61&ErrInfo=E61020001");
    }
}
