package jp.kessai.core.jcbpreca;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.kessai.core.ResultCode;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.OperationStep;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderChange;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Verdict;
import jp.kessai.core.shop.Shop;
import jp.kessai.platform.KessaiProperties;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.ApprovalNumber;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.processor.jcbpreca.PrecaAnswer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import org.springframework.stereotype.Service;

/**
 * 決済実行 (ExecTranJcbPreca): validate (face) → load → decide → the debit as one step of the pipeline (claim, call
 * the center, finish) → respond.
 */
@Service
public class JcbPrecaExec {

    private static final DateTimeFormatter SALES_CODE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final OrderLookup lookup;
    private final OperationRunner runner;
    private final PrecaCenter center;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Duration deadline;
    private final SecureRandom random = new SecureRandom();

    JcbPrecaExec(OrderLookup lookup, OperationRunner runner, PrecaCenter center, FieldCipher cipher, Clock clock,
            KessaiProperties properties) {
        this.lookup = lookup;
        this.runner = runner;
        this.center = center;
        this.cipher = cipher;
        this.clock = clock;
        this.deadline = properties.centers().timeout();
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
        var run = runner.run(new OperationRunner.Existing(order), new Debit(order, command, newSalesCode()));
        return new Result(run.code(), run.order(), PrecaReport.of(run.answer()));
    }

    /** The debit at the center, keyed by a fresh sales code (伝票番号). */
    private final class Debit implements OperationStep<PrecaAnswer, Void> {

        private final Order order;
        private final Command command;
        private final String salesCode;

        Debit(Order order, Command command, String salesCode) {
            this.order = order;
            this.command = command;
            this.salesCode = salesCode;
        }

        @Override
        public Operation operation() {
            return Operation.EXEC;
        }

        @Override
        public StateTable<OrderStatus> table() {
            return JcbPrecaStateTable.TABLE;
        }

        @Override
        public String processorRef() {
            return salesCode;
        }

        @Override
        public Duration deadline() {
            return deadline;
        }

        @Override
        public OrderChange onSuccess() {
            return new OrderChange(null, "SALES", cipher.encrypt(command.cardNo().expose()), command.cardNo().masked(),
                    command.carryInfo(), command.clientFields(), clock.instant());
        }

        @Override
        public PrecaAnswer call() {
            return center.debit(salesCode, command.cardNo(), command.approvalNo(), order.totalYen(),
                    command.carryInfo());
        }

        @Override
        public Verdict classify(PrecaAnswer answer) {
            return PrecaReport.verdict(answer);
        }
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

    /**
     * {@code report} is what the center said about the card when it answered (approved or declined), else null;
     * {@code order} is the order after the operation (or as found when it was refused before the center).
     */
    public record Result(ResultCode code, Order order, PrecaReport report) {}
}
