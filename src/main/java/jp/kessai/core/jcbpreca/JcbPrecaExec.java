package jp.kessai.core.jcbpreca;

import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.PaymentMethod;

import static jp.kessai.core.order.Transition.Outcome.FAILURE;
import static jp.kessai.core.order.Transition.Outcome.SUCCESS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.JournaledCall;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Orders;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.core.shop.Shop;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import org.springframework.stereotype.Service;

/**
 * 決済実行 (ExecTranJcbPreca): validate (face) → load → decide → journal the debit → call the center → record → respond.
 */
@Service
public class JcbPrecaExec {

    private static final DateTimeFormatter SALES_CODE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final OrderLookup lookup;
    private final Orders orders;
    private final JournaledCall journaledCall;
    private final PrecaCenter center;
    private final FieldCipher cipher;
    private final Clock clock;
    private final KessaiProperties properties;
    private final SecureRandom random = new SecureRandom();

    JcbPrecaExec(OrderLookup lookup, Orders orders, JournaledCall journaledCall, PrecaCenter center, FieldCipher cipher, Clock clock,
            KessaiProperties properties) {
        this.lookup = lookup;
        this.orders = orders;
        this.journaledCall = journaledCall;
        this.center = center;
        this.cipher = cipher;
        this.clock = clock;
        this.properties = properties;
    }

    public Result pay(Shop shop, Command command) {
        OrderLookup.Found found = lookup.find(shop, command.order(), PaymentMethod.JCB_PRECA);
        if (found.code() != ResultCode.OK) {
            return new Result(found.code(), found.order(), null);
        }
        Order order = found.order();
        if (!JcbPrecaStateTable.TABLE.allows(order.status(), Operation.EXEC)) {
            return new Result(ResultCode.ALREADY_PAID, order, null);
        }
        String salesCode = newSalesCode();
        var onSuccess = new OrderChange(JcbPrecaStateTable.TABLE.next(order.status(), Operation.EXEC, SUCCESS).orElseThrow(),
                "SALES", cipher.encrypt(command.cardNo().expose()), command.cardNo().masked(), command.carryInfo(),
                command.clientFields(), clock.instant());
        var attempt = orders.begin(order, OrderStatus.UNPROCESSED, Operation.EXEC, salesCode, onSuccess).orElse(null);
        if (attempt == null) {
            return new Result(ResultCode.OPERATION_IN_PROGRESS, order, null);
        }
        var stays = JcbPrecaStateTable.TABLE.next(order.status(), Operation.EXEC, FAILURE).orElseThrow();
        var outcome = journaledCall.call(attempt, properties.centers().timeout(), stays,
                () -> center.debit(salesCode, command.cardNo(), command.approvalNo(), order.totalYen(),
                        command.carryInfo()));
        if (!outcome.answered()) {
            return new Result(outcome.failure(), order, null);
        }
        return switch (outcome.answer()) {
            case PrecaAnswer.Approved approved -> {
                yield new Result(ResultCode.OK, orders.finish(attempt, AttemptState.SUCCEEDED, ResultCode.OK.name(), onSuccess),
                        approved);
            }
            case PrecaAnswer.Declined declined -> {
                ResultCode code = PrecaOutcomes.of(declined.reason());
                yield new Result(code, orders.finish(attempt, AttemptState.FAILED, code.name(), OrderChange.toStatus(stays)),
                        declined);
            }
        };
    }

    /** 伝票番号: 20 digits, the JST business date then 12 random digits. Unique at the center per debit. */
    private String newSalesCode() {
        String date = LocalDate.ofInstant(clock.instant(), clock.getZone()).format(SALES_CODE_DATE);
        long suffix = Math.floorMod(random.nextLong(), 1_000_000_000_000L);
        return date + String.format("%012d", suffix);
    }

    /** ExecTranJcbPreca's inputs after the face validated them. */
    public record Command(OrderRef order, CardNumber cardNo, ApprovalNumber approvalNo, ClientFields clientFields,
            String carryInfo) {

        @Override
        public String toString() {
            return "Command[order=" + order.orderId() + ", cardNo=" + cardNo + "]"; // approval number never printed
        }
    }

    /** {@code answer} is the center's answer when it gave one (approved or declined). */
    public record Result(ResultCode code, Order order, PrecaAnswer answer) {}
}
