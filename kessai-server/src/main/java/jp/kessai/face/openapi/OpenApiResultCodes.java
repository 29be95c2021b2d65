package jp.kessai.face.openapi;

import java.util.EnumMap;
import java.util.Map;
import jp.kessai.core.ResultCode;

/**
 * The one table from core result codes to problem titles and details. A card company's code (e.g. G12), when the
 * acquirer gave one, is appended in parentheses as the real service does. docs/openapi.md lists this table.
 */
final class OpenApiResultCodes {

    private record Row(ProblemTitle title, String detail) {}

    private static final Map<ResultCode, Row> TABLE = new EnumMap<>(ResultCode.class);

    private static final String DECLINED = "This card cannot be used for transactions.";
    /** Replaced by the request's card information object, which differs per endpoint ({@link #informationOf}). */
    private static final String INFORMATION = "{information}";
    private static final String TOKEN_FIELD = INFORMATION + ".tokenizedCard.token";
    private static final String UPSTREAM = "Payment Processing failed at the external payment center. Please try again later.";

    static {
        put(ResultCode.SHOP_AUTH_FAILED, ProblemTitle.UNAUTHORIZED_REQUEST, "The request is unauthorized.");
        put(ResultCode.METHOD_NOT_CONTRACTED, ProblemTitle.INVALID_CONTRACT, "The shop's contract does not allow this request.");
        put(ResultCode.ORDER_ID_ALREADY_USED, ProblemTitle.INVALID_REQUEST, "The order ID has already been used.(order.orderId)");
        put(ResultCode.ORDER_NOT_FOUND, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(accessId)");
        put(ResultCode.ACCESS_PASS_MISMATCH, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(accessId)");
        put(ResultCode.ORDER_ID_MISMATCH, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(orderId)");
        put(ResultCode.PAYMENT_METHOD_MISMATCH, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(accessId)");
        put(ResultCode.ALREADY_PAID, ProblemTitle.INVALID_STATUS, "The transaction has already been processed.");
        put(ResultCode.NOT_PAID, ProblemTitle.INVALID_STATUS, "The transaction status does not allow this request.");
        put(ResultCode.ALREADY_CANCELLED, ProblemTitle.INVALID_STATUS, "The transaction status does not allow this request.");
        put(ResultCode.OPERATION_IN_PROGRESS, ProblemTitle.CONFLICT, "Duplicate request.");
        put(ResultCode.CARD_INSUFFICIENT_BALANCE, ProblemTitle.INSUFFICIENT_BALANCE, "The charge failed due to insufficient balance.");
        put(ResultCode.CARD_BEFORE_USAGE_START, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CARD_APPROVAL_NUMBER_MISMATCH, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CARD_INVALID, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CARD_UNKNOWN, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CARD_EXPIRED, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CARD_WEB_INQUIRY_NOT_ALLOWED, ProblemTitle.CARD_DECLINED, DECLINED);
        put(ResultCode.CANCEL_WINDOW_PASSED, ProblemTitle.TRANSACTION_EXPIRED, "The deadline for this request has passed.");
        put(ResultCode.CANCEL_TARGET_NOT_FOUND, ProblemTitle.INVALID_STATUS, "The transaction status does not allow this request.");
        put(ResultCode.INVALID_STATUS, ProblemTitle.INVALID_STATUS, "The transaction status does not allow this request.");
        put(ResultCode.AUTHORIZATION_EXPIRED, ProblemTitle.TRANSACTION_EXPIRED, "The authorization has expired.");
        put(ResultCode.CARD_DECLINED, ProblemTitle.CARD_DECLINED, DECLINED);
        // a card-caused refusal (the protocol type's E41 family), detected before the card company: docs/compatibility.md
        put(ResultCode.CARD_NUMBER_CHECK_DIGIT, ProblemTitle.CARD_DECLINED,
                "The card number is invalid.(creditInformation.card.cardNumber)");
        put(ResultCode.CARD_AMOUNT_LIMIT_EXCEEDED, ProblemTitle.AMOUNT_LIMIT_EXCEEDED, "The charge failed because the amount limit was exceeded.");
        put(ResultCode.CARD_PROCESSING_FAILURE, ProblemTitle.PROCESSING_FAILURE, "The charge failed.");
        put(ResultCode.PROCESSOR_MAINTENANCE, ProblemTitle.MAINTENANCE, "The external payment center is under maintenance. Please try again later.");
        put(ResultCode.PROCESSOR_UNAVAILABLE, ProblemTitle.BAD_GATEWAY, UPSTREAM);
        put(ResultCode.PROCESSOR_OUTCOME_UNKNOWN, ProblemTitle.BAD_GATEWAY, UPSTREAM);
        // the card vault
        put(ResultCode.MEMBER_NOT_FOUND, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(memberId)");
        put(ResultCode.MEMBER_ALREADY_EXISTS, ProblemTitle.INVALID_REQUEST, "The member ID has already been used.(memberId)");
        put(ResultCode.ONFILE_CARD_NOT_FOUND, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(cardId)");
        put(ResultCode.ONFILE_CARD_LIMIT_EXCEEDED, ProblemTitle.INVALID_REQUEST,
                "The member already has the maximum number of cards.(cardId)");
        put(ResultCode.ONFILE_CARD_DUPLICATED, ProblemTitle.INVALID_REQUEST,
                "The card number is already stored for another member.");
        put(ResultCode.REFERENCE_NOT_STORABLE, ProblemTitle.INVALID_REQUEST,
                "The card of this transaction cannot be stored.(accessId)");
        put(ResultCode.TDS_NOT_ENROLLED, ProblemTitle.CARD_DECLINED, "The card is not enrolled in 3-D Secure.");
        put(ResultCode.TDS_AUTHENTICATION_FAILED, ProblemTitle.CARD_DECLINED, "3-D Secure authentication failed.");
        put(ResultCode.TDS_CANCELLED, ProblemTitle.OPERATION_ABORTED_BY_USER, "The customer aborted 3-D Secure authentication.");
        put(ResultCode.TDS_EXPIRED, ProblemTitle.TRANSACTION_EXPIRED, "The 3-D Secure authentication has expired.");
        // MP tokens: the same problems on /credit/charge (CardResolver), /credit/verifyCard and /credit/storeCard
        put(ResultCode.CARD_TOKEN_NOT_FOUND, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(" + TOKEN_FIELD + ")");
        put(ResultCode.CARD_TOKEN_USED, ProblemTitle.INVALID_PARAMETER, "The token has already been used.(" + TOKEN_FIELD + ")");
        put(ResultCode.CARD_TOKEN_EXPIRED, ProblemTitle.INVALID_PARAMETER, "The token has expired.(" + TOKEN_FIELD + ")");
        put(ResultCode.SYSTEM_ERROR, ProblemTitle.INTERNAL_SERVER_ERROR, "An unexpected error has occurred.");
        // NET CASH outcomes (no openapi endpoint produces them today; mapped so the table stays exhaustive)
        put(ResultCode.ALREADY_REQUESTED, ProblemTitle.INVALID_STATUS, "The transaction status does not allow this request.");
        put(ResultCode.PAYMENT_EXPIRED, ProblemTitle.TRANSACTION_EXPIRED, "The deadline for this request has passed.");
        put(ResultCode.TOKEN_MISMATCH, ProblemTitle.INVALID_PARAMETER, Problem.VALUE_NOT_ACCEPTED + "(accessId)");
        put(ResultCode.PAYMENT_FAILED, ProblemTitle.PROCESSING_FAILURE, "The charge failed.");
        for (ResultCode code : ResultCode.values()) {
            if (code != ResultCode.OK && !TABLE.containsKey(code)) {
                throw new AssertionError("ResultCode " + code + " has no openapi problem");
            }
        }
    }

    private OpenApiResultCodes() {}

    private static void put(ResultCode code, ProblemTitle title, String detail) {
        TABLE.put(code, new Row(title, detail));
    }

    static Problem of(ResultCode code, String declineCode) {
        return of(code, declineCode, null);
    }

    /** The problem of {@code code} as the endpoint {@code path} (e.g. {@code /credit/storeCard}) answers it. */
    static Problem of(ResultCode code, String declineCode, String path) {
        Problem problem = row(code, declineCode);
        return problem.detail().contains(INFORMATION)
                ? new Problem(problem.title(), problem.detail().replace(INFORMATION, informationOf(path)))
                : problem;
    }

    /** The name of the card information object of the endpoint's request. */
    static String informationOf(String path) {
        if (path == null) {
            return "creditInformation";
        }
        return switch (path) {
            case "/credit/verifyCard" -> "creditVerificationInformation";
            case "/credit/storeCard" -> "creditStoringInformation";
            default -> "creditInformation";
        };
    }

    private static Problem row(ResultCode code, String declineCode) {
        if (code == ResultCode.OK) {
            throw new IllegalArgumentException("OK is not an error");
        }
        Row row = TABLE.get(code);
        if (declineCode == null) {
            return new Problem(row.title(), row.detail());
        }
        String detail = row.title() == ProblemTitle.PROCESSING_FAILURE
                ? row.detail() + "The decline code is " + declineCode + "."
                : row.detail() + "(" + declineCode + ")";
        return new Problem(row.title(), detail);
    }
}
