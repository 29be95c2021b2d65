package jp.kessai.face.idpass;

import static jp.kessai.face.idpass.IdPassParams.*;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.jcbpreca.JcbPrecaBalanceInquiry;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import org.springframework.stereotype.Component;

/** Seed 000 §2.3.2.1 残高照会: {@code /payment/JcbPrecaBalanceInquiry.idPass}. */
@Component
class JcbPrecaBalanceInquiryEndpoint implements IdPassOperation {

    private static final ParamTable PARAMS = new ParamTable(CARD_NO, APPROVAL_NO);

    private final ShopCredentials credentials;
    private final JcbPrecaBalanceInquiry inquiry;

    JcbPrecaBalanceInquiryEndpoint(ShopCredentials credentials, JcbPrecaBalanceInquiry inquiry) {
        this.credentials = credentials;
        this.inquiry = inquiry;
    }

    @Override
    public String name() {
        return "JcbPrecaBalanceInquiry";
    }

    @Override
    public IdPassResponse handle(IdPassRequest request) {
        var checked = credentials.check(request, IdPassResultCodes.Family.COMMON, new ParamTable(VERSION, VERSION_CANCEL), PARAMS);
        if (!checked.errors().isEmpty()) {
            return IdPassResponse.errors(checked.errors());
        }
        Optional<Shop> shop = checked.shop();
        String cardNo = request.get("CardNo");
        var result = inquiry.inquire(new CardNumber(cardNo), new ApprovalNumber(request.get("ApprovalNo")));
        if (result.code() != ResultCode.OK) {
            return IdPassResponse.errors(List.of(IdPassResultCodes.of(result.code(), IdPassResultCodes.Family.COMMON)));
        }
        // the seed echoes the card number given in this request (入力パラメータに設定したカード番号)
        var response = IdPassResponse.ok().put("CardNo", cardNo).put("Balance", result.balance().afterBalanceYen());
        WireFormats.putCardState(response, result.balance().card());
        return response;
    }
}
