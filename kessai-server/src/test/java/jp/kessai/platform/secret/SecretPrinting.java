package jp.kessai.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.jcbpreca.JcbPrecaExec;
import jp.kessai.core.order.Channel;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderRef;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.PaymentMethod;
import jp.kessai.processor.card.CardAcquirer;
import org.slf4j.LoggerFactory;

/**
 * The ways a value ends up printed — {@code toString()}, {@code String.valueOf}, {@code String.format("%s")}, string
 * concatenation and SLF4J logging through Logback — and the records that carry secrets from face to processor.
 */
final class SecretPrinting {

    private SecretPrinting() {}

    /** Every way of printing {@code holder} leaves {@code clear} out, and the log line really was written. */
    static void assertNeverPrinted(Object holder, String clear) {
        assertThat(holder.toString()).as("toString() of %s", holder.getClass().getSimpleName()).doesNotContain(clear);
        assertThat(String.valueOf(holder)).as("String.valueOf").doesNotContain(clear);
        assertThat(String.format("%s", holder)).as("String.format(\"%%s\")").doesNotContain(clear);
        assertThat("value=" + holder).as("concatenation").doesNotContain(clear);
        assertThat(logged(holder)).as("Logback output").doesNotContain(clear);
    }

    /** Plain holders with the default {@code toString()} of records and collections. */
    static List<Object> containers(Secret secret) {
        record Holder(String note, Secret secret) {}
        return List.of(secret, new Holder("note", secret), List.of(secret), Map.of("secret", secret),
                Optional.of(secret), List.of(new Holder("nested", secret)));
    }

    /** What Logback renders when {@code value} is logged as a placeholder argument, a key-value and in an exception. */
    static String logged(Object value) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // %ex{0}: the exception's class and message without stack frames, whose line numbers could hold a short
        // secret such as "123" by chance
        encoder.setPattern("%level %logger %msg %kvp%n%ex{0}");
        encoder.start();
        var out = new ByteArrayOutputStream();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger(SecretPrinting.class.getName() + ".probe");
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            org.slf4j.Logger log = LoggerFactory.getLogger(logger.getName());
            log.info("placeholder {}", value);
            log.warn("two placeholders {} {}", "first", value);
            log.atInfo().addKeyValue("value", value).log("key-value");
            log.error("failed", new IllegalStateException("failed for " + value));
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).as("the probe logger wrote its four lines").contains("placeholder " + value,
                "two placeholders first " + value, "key-value value=\"" + value + "\"",
                "IllegalStateException: failed for " + value);
        return text;
    }

    // --- the records that carry secrets today ----------------------------------------------------------------

    static CreditCharge.Command creditCharge(CardNumber pan, SecurityCode securityCode) {
        return new CreditCharge.Command("order-1", 1000, ClientFields.NONE, pan, "12", "2030", securityCode,
                "TARO YAMADA", false, CreditPaymentMethod.ONE_TIME, null, "0000990", "1", "{}",
                jp.kessai.core.credit.CardEntry.CARD_DATA);
    }

    static CardAcquirer.Authorization authorization(CardNumber pan, SecurityCode securityCode) {
        return new CardAcquirer.Authorization(pan, "12", "2030", securityCode, 1000, false, "ONE_TIME", null,
                "0000990");
    }

    static JcbPrecaExec.Command jcbPrecaExec(AccessPass accessPass, CardNumber cardNo, ApprovalNumber approvalNo) {
        return new JcbPrecaExec.Command(orderRef(accessPass), cardNo, approvalNo, ClientFields.NONE, "carry");
    }

    static OrderRef orderRef(AccessPass accessPass) {
        return new OrderRef("0123456789abcdef0123456789abcdef", accessPass, "order-1");
    }

    static Order order(AccessPass accessPass) {
        Instant now = Instant.parse("2026-05-20T03:34:56Z");
        return new Order(1, 1, "order-1", PaymentMethod.JCB_PRECA, Channel.IDPASS, "0123456789abcdef0123456789abcdef",
                accessPass, OrderStatus.UNPROCESSED, null, 1000, 80, ClientFields.NONE, "************0001", null, null,
                null, now, null, now, now, false);
    }
}
