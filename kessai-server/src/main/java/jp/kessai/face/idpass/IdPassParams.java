package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.Param.optional;
import static jp.kessai.face.idpass.Param.required;

import java.util.regex.Pattern;

/**
 * Input parameters of the seed's tables with their ErrInfo codes. Multi-payment APIs (EntryTran/ExecTran) report
 * M01… codes; the common APIs report E01… codes. Where the public catalogue has no code for a field (CardNo and
 * ApprovalNo of a prepaid card, CarryInfo), the nearest catalogued code is used; docs/compatibility.md says which.
 */
final class IdPassParams {

    private IdPassParams() {}

    private static final Pattern ACCESS = Param.ALPHANUMERIC;

    // multi-payment family (M01)
    static final Param VERSION = optional("Version", 3, Param.ANY, "M01001005", "M01001005");
    static final Param SHOP_ID_M = required("ShopID", 13, Param.ALPHANUMERIC, "M01002001", "M01002008", "M01002008");
    static final Param SHOP_PASS_M = required("ShopPass", 8, Param.ALPHANUMERIC, "M01003001", "M01003008", "M01003008");
    static final Param ORDER_ID_M = required("OrderID", 27, Param.ORDER_ID, "M01004001", "M01004012", "M01004013");
    static final Param AMOUNT = required("Amount", 8, Param.DIGITS, "M01005001", "M01005005", "M01005006")
            .atLeast(1, "M01005011");
    static final Param TAX = optional("Tax", 8, Param.DIGITS, "M01006005", "M01006006").atLeast(0, "M01006006");
    static final Param ACCESS_ID_M = required("AccessID", 32, ACCESS, "M01007001", "M01007008", "M01007008");
    static final Param ACCESS_PASS_M = required("AccessPass", 32, ACCESS, "M01008001", "M01008008", "M01008008");
    static final Param CLIENT_FIELD1 = optional("ClientField1", 100, Param.CLIENT_FIELD, "M01039012", "M01039013");
    static final Param CLIENT_FIELD2 = optional("ClientField2", 100, Param.CLIENT_FIELD, "M01040012", "M01040013");
    static final Param CLIENT_FIELD3 = optional("ClientField3", 100, Param.CLIENT_FIELD, "M01041012", "M01041013");
    static final Param CARRY_INFO = optional("CarryInfo", 34, Param.CARRY_INFO, "JP1000036", "JP1000036");

    // NET CASH (seed 001): Amount and Tax are NUMBER 6, Amount at most 200,000 yen
    static final Param AMOUNT_NET_CASH = required("Amount", 6, Param.DIGITS, "M01005001", "M01005005", "M01005006")
            .atLeast(1, "M01005011");
    static final Param TAX_NET_CASH = optional("Tax", 6, Param.DIGITS, "M01006005", "M01006006").atLeast(0, "M01006006");
    static final Param RET_URL = required("RetURL", 256, Param.URL, "M01056001", "M01056012", "M01056012");
    static final Param NET_CASH_PAY_TYPE = required("NetCashPayType", 40, Param.ALPHANUMERIC, "M01051001", "M01051005",
            "M01051011");

    // card parameters (same codes in both families)
    static final Param CARD_NO = required("CardNo", 32, Param.DIGITS, "E01170001", "E01170003", "E01170006");
    static final Param APPROVAL_NO = required("ApprovalNo", 16, Param.ALPHANUMERIC, "E01250008", "E01250008", "E01250008");

    // common family (E01); JcbPrecaCancel and JcbPrecaBalanceInquiry spell the reserved parameter "VerSion"
    static final Param VERSION_CANCEL = optional("VerSion", 3, Param.ANY, "M01001005", "M01001005");
    static final Param SHOP_ID_E = required("ShopID", 13, Param.ALPHANUMERIC, "E01010001", "E01010008", "E01010008");
    static final Param SHOP_PASS_E = required("ShopPass", 8, Param.ALPHANUMERIC, "E01020001", "E01020008", "E01020008");
    static final Param ORDER_ID_E = required("OrderID", 27, Param.ORDER_ID, "E01040001", "E01040003", "E01040013");
    static final Param ACCESS_ID_E = required("AccessID", 32, ACCESS, "E01090001", "E01090008", "E01090008");
    static final Param ACCESS_PASS_E = required("AccessPass", 32, ACCESS, "E01100001", "E01100008", "E01100008");
    static final Param PAY_TYPE = required("PayType", 2, Param.DIGITS, "M01051001", "M01051005", "M01051011");
}
